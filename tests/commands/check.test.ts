// `wiki check`: every problem with file:line, both formats, exit codes for errors, warnings and a clean wiki.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixtureInRepository as writeFixture } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

const clean = {
  // Broken links stop these fixtures, as in the sample wiki (the default only warns: tests/build/broken-links.test.ts).
  'wiki.config.yml': 'title: Fixture\nbrokenLinks: error\n',
  'content/ops/README.md': '# Ops\n\nSee [[deploy]].\n',
  'content/ops/deploy.md': '---\ntitle: Deploy\nreview-by: 2027-01-31\n---\nBack to [[README|ops]].\n',
};

describe('wiki check', () => {
  it('passes a clean wiki with a summary line', () => {
    const result = wiki(writeFixture(clean), ['check']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^wiki check passed: 0 errors, 0 warnings, 0 notices in 2 pages \(\d+\.\d\d s\)\n$/);
  });

  it('exits 0 with warnings and notices only: overdue reviews and .mdx pages', () => {
    const root = writeFixture({
      ...clean,
      'wiki.config.yml': 'title: Fixture\nsecurity:\n  mdx: [ops]\n',
      'content/ops/old.md': '---\ntitle: Old\ntags: [a]\nreview-by: 2025-01-31\n---\nText.\n',
      'content/ops/calc.mdx': '# Calc\n\n{1 + 1}\n',
    });
    const result = wiki(root, ['check']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('content/ops/old.md:4: warning: review-by 2025-01-31 has passed');
    expect(result.stdout).toContain('content/ops/calc.mdx:1: notice: .mdx page: it runs code at build time');
    expect(result.stdout).toContain('wiki check passed: 0 errors, 1 warning, 1 notice');
  });

  it('fails on an .mdx page unless its community is listed in security.mdx (none by default)', () => {
    const byDefault = wiki(writeFixture({ ...clean, 'content/ops/calc.mdx': '# Calc\n\n{1 + 1}\n' }), ['check']);
    expect(byDefault.status).toBe(1);
    expect(byDefault.stdout).toMatch(/^content\/ops\/calc\.mdx:1: error: \.mdx pages run code at build time and are not allowed in community "ops"/m);
    const other = wiki(writeFixture({ ...clean, 'wiki.config.yml': 'security:\n  mdx: [research]\n', 'content/ops/calc.mdx': '# Calc\n' }), ['check']);
    expect(other.status).toBe(1);
    expect(other.stdout).toContain('content/ops/calc.mdx:1: error: .mdx pages run code at build time');
  });

  it('exits 1 listing every error with file:line:col', () => {
    const root = writeFixture({
      ...clean,
      'content/ops/deploy.md': '---\ntitle: Deploy\nreview-by: 2023-02-30\n---\nSee [[nowhere]] and [[ops/README]].\n',
      'content/ops/Deploy.md': '# Twin\n',
      'content/ops/community.yml': 'stewards: ada\n',
      'content/ops/files/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'content/ops/logo.md': '# Logo\n\n![logo](files/logo.svg)\n',
    });
    const result = wiki(root, ['check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/content\/ops\/deploy\.md:3: error: review-by: is not a real calendar date/);
    expect(result.stdout).toMatch(/content\/ops\/deploy\.md:5:5: error: .*nowhere/);
    expect(result.stdout).toMatch(/both map to the URL \/ops\/deploy\//);
    expect(result.stdout).toMatch(/content\/ops\/community\.yml:1: error: stewards/);
    // The scripted SVG is left out with a warning at its line; the page showing it has a broken image, an error here.
    expect(result.stdout).toMatch(/content\/ops\/files\/logo\.svg:1:\d+: warning: SVG contains <script>/);
    expect(result.stdout).toMatch(/content\/ops\/logo\.md:3:1: error: broken link to "files\/logo\.svg": logo\.svg is not published: SVG contains <script>/);
    // Once, at its line: not also as a "not published" line.
    expect(result.stdout).not.toMatch(/logo\.svg: (warning|notice): not published/);
    expect(result.stdout).toMatch(/wiki check failed: [5-9] errors/);
  });

  it('writes GitHub annotations with --format github, escaped, with paths from the repository root', () => {
    const root = writeFixture({
      'site/wiki.config.yml': 'content: pages\nbrokenLinks: error\n',
      'site/pages/ops, and more/a.md': '# A\n\nLine two [[b: c]].\n',
    });
    const result = wiki(path.join(root, 'site'), ['check', '--format', 'github']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error file=site\/pages\/ops%2C and more\/a\.md,line=3,col=10::broken \[\[b: c\]\]/m);
    expect(result.stdout).toMatch(/^wiki check failed: 1 error/m);
  });

  it('prints hostile file names and link text escaped, in both formats, and fakes no annotation', () => {
    const hostile = {
      ...clean,
      'content/ops/\x1b[2Jred.md': '# Red\n\nSee [[gone \x1bc \u009b2J]].\n',
      'content/ops/evil\u202Egpj.md': '# Evil\n\nSee [[nowhere]].\n',
      'content/ops/x\n::warning file=evil::pwned.md': '# Newline\n\nSee [[nowhere]].\n',
    };
    const root = writeFixture(hostile);
    for (const format of ['text', 'github']) {
      const result = wiki(root, ['check', '--format', format]);
      expect(result.status, format).toBe(1);
      const output = result.stdout + result.stderr;
      expect(output, format).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      expect(output.split('\n').filter((line) => /^\s*::warning/.test(line)), format).toEqual([]);
      expect(output, format).not.toContain('##[');
      expect(output, format).toContain('\\x1b[2Jred.md');
      expect(output, format).toContain('evil\\u202egpj.md');
      expect(output, format).toContain('x\\n');
    }
    const text = wiki(root, ['check']).stdout;
    expect(text).toContain('content/ops/x\\n::warning file=evil::pwned.md:3:5: error:');
    expect(text).toContain('[[gone \\x1bc \\x9b2J]]');
    const github = wiki(root, ['check', '--format', 'github']).stdout;
    expect(github).toMatch(/^::error file=content\/ops\/x\\n%3A%3Awarning file=evil%3A%3Apwned\.md,line=3,col=5::/m);
  });

  it('reports a config error with its line', () => {
    const result = wiki(writeFixture({ ...clean, 'wiki.config.yml': 'title: Fixture\nbase: wiki\n' }), ['check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('wiki.config.yml:2: error: base: must start with "/"');
  });

  it('fails when CODEOWNERS is missing or stale, and says which command fixes it', () => {
    const root = writeFixture({ ...clean, 'content/ops/community.yml': 'stewards:\n  - name: Ada\n    github: ada\n' });
    const missing = wiki(root, ['check']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('.github/CODEOWNERS: error: is missing although communities have stewards: run `npm run wiki -- codeowners` and commit it');
    expect(wiki(root, ['codeowners']).status).toBe(0);
    expect(wiki(root, ['check']).status).toBe(0);
    writeFileSync(path.join(root, 'content/ops/community.yml'), 'stewards:\n  - name: Ada\n    github: ada\n  - name: Bo\n    email: bo@example.org\n');
    const stale = wiki(root, ['check']);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/\.github\/CODEOWNERS:\d+: error: is out of date with the stewards in community\.yml: run `npm run wiki -- codeowners`/);
  });

  it('warns when the repository host is not a known forge', () => {
    const root = writeFixture({ ...clean, 'wiki.config.yml': 'repository:\n  url: https://git.example.org/org/wiki\n' });
    const result = wiki(root, ['check']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('wiki.config.yml: warning: repository.url https://git.example.org/org/wiki is not on a forge known from its host');
  });

  it('exits 2 on wrong flags', () => {
    const root = writeFixture(clean);
    for (const args of [['check', '--format', 'xml'], ['check', '--strict'], ['check', 'extra']]) {
      const result = wiki(root, args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run wiki -- check');
    }
  });
});
