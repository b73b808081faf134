// Broken links do not block adoption: without a config they warn, the site builds with each shown as marked text,
// and the build ends with a one-line summary; `brokenLinks: error` stops the build; `wiki check` lists each either way.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';
import { wiki } from '../helpers/wiki-command.ts';

const content = {
  'content/ops/a.md': '# A\n\nSee [[missing page]] and [[b]].\n\nAlso [gone](nowhere.md), [fine](b.md) and ![a diagram](none.png).\n',
  'content/ops/b.md': '# B\n\nBack to [[A]] and [[elsewhere|somewhere else]].\n',
  'content/ops/c.md': '# C\n\nAll good: [[a]].\n',
};
const expected = [
  'content/ops/a.md:3:5: warning: broken [[missing page]]: no page has this path, file name or title',
  'content/ops/a.md:5:6: warning: broken link to "nowhere.md": no such page file',
  'content/ops/a.md:5:43: warning: broken link to "none.png": no such file in the content folder',
  'content/ops/b.md:3:19: warning: broken [[elsewhere|somewhere else]]: no page has this path, file name or title',
];
const article = (html: string) => html.match(/<article[^>]*>([\s\S]*?)<\/article>/)?.[1] ?? html;

describe('a wiki without wiki.config.yml whose links are broken', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite(writeFixture(content));
  });
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('builds, warns at each broken link and ends with a one-line summary', () => {
    expect(site.status, site.output).toBe(0);
    for (const line of expected) expect(site.output).toContain(line);
    expect(site.output).toContain('3 pages, 4 broken links in 2 files (run `npm run wiki -- check` for the list)');
  });

  it('renders each broken link as marked text with a title saying why, never a dangling href or src', () => {
    const a = article(site.html('/ops/a/'));
    expect(a).toContain('<span class="wikilink wikilink-broken" title="Broken link: no page has this path, file name or title">missing page</span>');
    expect(a).toContain('<span class="wikilink-broken" title="Broken link: no such page file">gone</span>');
    expect(a).toContain('<span class="wikilink-broken" title="Broken link: no such file in the content folder">a diagram</span>');
    expect(a).not.toMatch(/nowhere|none\.png|data-wiki-markup/);
    expect(article(site.html('/ops/b/'))).toContain('<span class="wikilink wikilink-broken" title="Broken link: no page has this path, file name or title">somewhere else</span>');
  });

  it('links the good pages as before', () => {
    expect(article(site.html('/ops/a/'))).toMatch(/<a href="\/ops\/b\/" class="wikilink"[^>]*>B<\/a>/);
    expect(article(site.html('/ops/a/'))).toContain('<a href="/ops/b/">fine</a>');
    expect(article(site.html('/ops/c/'))).toMatch(/<a href="\/ops\/a\/" class="wikilink"[^>]*>A<\/a>/);
  });

  it('is listed by wiki check as warnings with file:line:col, exiting 0', () => {
    const result = wiki(site.root, ['check']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    for (const line of expected) expect(result.stdout).toContain(line);
    expect(result.stdout).toMatch(/wiki check passed: 0 errors, 4 warnings/);
  });
});

describe('a wiki whose config sets brokenLinks: error', () => {
  const root = writeFixture({ 'wiki.config.yml': 'title: Strict\nbrokenLinks: error\n', ...content });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const errors = expected.map((line) => line.replace(': warning: ', ': error: '));

  it('stops the build listing every broken link with file:line:col', () => {
    const site = buildSite(root);
    expect(site.status).not.toBe(0);
    for (const line of errors) expect(site.output).toContain(line);
    expect(site.output).toContain('the build stopped: fix the 4 content problems listed above');
  });

  it('fails wiki check listing each with file:line:col', () => {
    const result = wiki(root, ['check']);
    expect(result.status).toBe(1);
    for (const line of errors) expect(result.stdout).toContain(line);
    expect(result.stdout).toMatch(/wiki check failed: 4 errors/);
  });
});
