// Front matter as real repositories write it: `wiki check` and the build read it with one reader and report
// the same problem lines; other generators' fields never stop the build; no stack trace reaches the user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';
import { wiki } from '../helpers/wiki-command.ts';

const config = 'title: Front matter\nsecurity:\n  mdx: [team]\n';

/** The `file:line: severity: message` lines about pages, whatever the output around them. */
const problemLines = (output: string) =>
  [...new Set(output.split('\n').flatMap((line) => /(content\/\S+: (?:error|warning): .*)$/.exec(line)?.[1] ?? []))].sort();

const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe('front matter the build cannot read', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite(
      writeFixture({
        'wiki.config.yml': config,
        'content/team/dashes.mdx': '-----\ntitle: Dashes\n---\n# Dashes\n',
        'content/team/dashes-md.md': '-----\ntitle: Dashes too\n---\n# Dashes too\n',
        'content/team/broken.md': '---\ntitle: Broken\ntags: [a, b\n---\n# Broken\n',
        'content/team/broken.mdx': '---\ntitle: "Broken\n---\n# Broken MDX\n',
        'content/team/fine.md': '# Fine\n',
      }),
    );
  });
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('stops the build with one problem per file at file:line, and no stack trace', () => {
    expect(site.status).not.toBe(0);
    const lines = problemLines(site.output);
    expect(lines).toEqual(
      expect.arrayContaining([
        'content/team/dashes.mdx:1: error: front matter opens with "-----": write exactly three dashes (---) on the first line',
        'content/team/dashes-md.md:1: error: front matter opens with "-----": write exactly three dashes (---) on the first line',
        expect.stringMatching(/^content\/team\/broken\.md:\d+(:\d+)?: error: invalid YAML: /),
        expect.stringMatching(/^content\/team\/broken\.mdx:\d+(:\d+)?: error: invalid YAML: /),
      ]),
    );
    expect(site.output).not.toMatch(STACK_LINE);
    expect(site.output).not.toMatch(/YAMLException|js-yaml/);
  });

  it('wiki check reports exactly the problem lines the build reports', () => {
    const check = wiki(site.root, ['check']);
    expect(check.status).not.toBe(0);
    const checkErrors = problemLines(check.stdout + check.stderr).filter((line) => line.includes(': error: '));
    expect(checkErrors.length).toBeGreaterThanOrEqual(4);
    expect(checkErrors).toEqual(problemLines(site.output).filter((line) => line.includes(': error: ')));
  });
});

describe('front matter written for other generators', () => {
  let site: BuiltSite;
  const hugo = 'type: docs\nlayout: single\nweight: 3\ndate: 2020-01-01\npermalink: /old/url/\n';
  beforeAll(() => {
    site = buildSite(
      writeFixture({
        'wiki.config.yml': config,
        'content/team/hugo.md': `---\ntitle: From Hugo\n${hugo}---\n# From Hugo\n`,
        'content/team/jekyll.mdx': `---\ntitle: From Jekyll\n${hugo.replace('2020-01-01', '2020-01-01T10:00:00Z')}---\n# From Jekyll\n`,
        'content/team/blank.mdx': '\n---\ntitle: After a blank line\n---\n# Blank first\n',
        // Beside owners.md, whose page is written to team/owners/: once ended in EISDIR.
        'content/team/OWNERS': '@ada\n',
        'content/team/owners.md': '# Owners\n',
        // A folder named like a page file.
        'content/team/notes.md/inside.md': '# Inside a folder named notes.md\n',
      }),
    );
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('builds every page, with its title, and warns once about each unknown type', () => {
    expect(site.html('/team/hugo/')).toContain('<title>From Hugo');
    expect(site.html('/team/jekyll/')).toContain('<title>From Jekyll');
    expect(site.html('/team/blank/')).toContain('<title>After a blank line');
    expect(site.html('/team/owners/')).toContain('<title>Owners');
    expect(site.html('/team/hugo/')).toMatch(/<span class="badge type"[^>]*>docs<\/span>/);
    expect(site.html('/team/notesmd/inside/')).toContain('Inside a folder named notes.md');
    expect(site.output).not.toMatch(STACK_LINE);
    // OWNERS (Kubernetes' review file) is the repository's, named in the list of files not published.
    expect(site.output).toMatch(/  1 a file of the repository or its tools .*: content\/team\/OWNERS$/m);
    expect(problemLines(site.output)).toEqual([
      expect.stringMatching(/^content\/team\/hugo\.md:3: warning: type: "docs" is not one of the wiki's page types/),
      expect.stringMatching(/^content\/team\/jekyll\.mdx:3: warning: type: "docs" is not one of the wiki's page types/),
    ]);
  });

  it('wiki check passes with the same warnings', () => {
    const check = wiki(site.root, ['check']);
    expect(check.status).toBe(0);
    expect(problemLines(check.stdout + check.stderr)).toEqual(problemLines(site.output));
  });
});
