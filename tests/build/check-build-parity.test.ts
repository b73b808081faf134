// What `wiki check` passes, the build renders the same way: wikilinks before typography, any case of
// extension, "#" and "?" in names, .mdx only where the config allows it; real builds, real HTML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';
import { wiki } from '../helpers/wiki-command.ts';

const links = "See [[Don't Panic]], [[a--b]], [[Shouting]], [[C sharp tips]] and [[Questions]]; \"quoted\" text.\n";

const fixture = {
  'wiki.config.yml': 'title: Parity\nsecurity:\n  mdx: [team]\n',
  'content/team/README.md': `# Team\n\n${links}`,
  'content/team/links.mdx': `# Links from MDX\n\n${links}`,
  'content/team/panic.md': "# Don't Panic\n\nKeep calm.\n",
  'content/team/a--b.md': '# Double dash\n\nThe page [[a--b]] means.\n',
  'content/team/ab.md': '# Another page\n\nWhat smartypants turned a--b into.\n',
  'content/team/UPPER.MD': '# Shouting\n\nWritten on a system that likes capitals.\n',
  'content/team/Caps.MDX': "# Loud MDX\n\nTwo and two make {2 + 2}, said [[Don't Panic]].\n",
  'content/team/C# tips.md': '# C sharp tips\n\nUse records.\n',
  'content/team/what?.md': '# Questions\n\nAsk them.\n',
  'content/team/100%25 sure.md': '# Certainty\n\nQuite.\n',
};

const article = (html: string) => /<article class="prose"[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';

describe('a wiki that wiki check passes', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite(writeFixture(fixture));
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('passes wiki check', () => {
    const result = wiki(site.root, ['check']);
    expect(result.stdout).not.toMatch(/: error: /);
  });

  it.each([
    ['Markdown', '/team/'],
    ['MDX', '/team/links/'],
  ])('resolves wikilinks in %s before quotes are curled and dashes joined', (_format, url) => {
    const body = article(site.html(url));
    expect(body).toMatch(/<a href="\/team\/panic\/" class="wikilink"[^>]*>Don’t Panic<\/a>/);
    expect(body).toMatch(/<a href="\/team\/a--b\/" class="wikilink"[^>]*>Double dash<\/a>/);
    expect(body).not.toContain('href="/team/ab/"');
    expect(body).not.toContain('wikilink-broken');
    // Readers still get typographic quotes.
    expect(body).toContain('“quoted” text');
  });

  it('drops a leading heading that repeats the title even when it has an apostrophe', () => {
    expect(article(site.html('/team/panic/'))).not.toContain('<h1');
  });

  it('builds pages whose extension is not lower case, and pages with # or ? in their names', () => {
    expect(article(site.html('/team/upper/'))).toContain('Written on a system that likes capitals.');
    expect(article(site.html('/team/caps/'))).toMatch(/^<p>Two and two make 4, said <a href="\/team\/panic\/" class="wikilink"[^>]*>Don’t Panic<\/a>\.<\/p>$/);
    expect(article(site.html('/team/c-tips/'))).toContain('Use records.');
    expect(article(site.html('/team/what/'))).toContain('Ask them.');
    expect(article(site.html('/team/10025-sure/'))).toContain('Quite.');
    const body = article(site.html('/team/'));
    for (const href of ['/team/upper/', '/team/c-tips/', '/team/what/']) expect(body).toContain(`href="${href}"`);
  });
});

describe('.mdx pages the build cannot run', () => {
  const files = {
    'wiki.config.yml': 'title: Parity\n',
    'content/ops/README.md': '# Ops\n',
    'content/ops/calc.mdx': '# Calc\n\n{1 + 1}\n',
    'content/ops/what?.mdx': '# What\n',
    'content/ops/50%25 off.mdx': '# Sale\n',
  };
  const expected = [
    /^content\/ops\/calc\.mdx:1: error: \.mdx pages run code at build time and are not allowed in community "ops"/m,
    /^content\/ops\/what\?\.mdx:1: error: "\?" cannot appear in the path of an \.mdx page/m,
    /^content\/ops\/50%25 off\.mdx:1: error: "%" cannot appear in the path of an \.mdx page/m,
  ];
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite(writeFixture(files));
  });
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('stop the build, each named with its reason', () => {
    expect(site.output).not.toContain('was not built');
    expect(site.status).not.toBe(0);
    for (const line of expected) expect(site.output.replaceAll(/^.*\[cop-wiki\] /gm, '')).toMatch(line);
  });

  it('fail wiki check with the same messages', () => {
    const result = wiki(site.root, ['check']);
    expect(result.status).toBe(1);
    for (const line of expected) expect(result.stdout).toMatch(line);
  });
});
