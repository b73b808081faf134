// Builds fixture wikis with hostile pages and odd git history, and asserts the build's one-line messages and output.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, writeFixture } from '../helpers/build-site.ts';
import { ada, grace, TestRepo } from '../helpers/git-repo.ts';

function billionLaughs(key: string): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  return [...lines, `${key}: *i`].join('\n') + '\n';
}

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('a build with hostile pages', () => {
  it('stops with one file:line message per page, no stack trace, and never drops a page silently', () => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Hostile\n',
      'content/ops/README.md': '# Ops\n\nFine.\n',
      'content/ops/divs.md': `# Divs\n\n${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}\n`,
      'content/ops/list.md': Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- a').join('\n') + '\n',
      'content/ops/stars.md': `# Stars\n\n${'*_'.repeat(15_000)}a\n`,
      'content/ops/laughs.md': `---\n${billionLaughs('title')}---\n# Laughs\n`,
      'content/ops/images.md': '# Images\n\n![x](?/a.png)\n\n![y](?raw)\n',
      'content/team/community.yml': billionLaughs('name'),
      'content/team/README.md': '# Team\n',
    });
    roots.push(root);
    const site = buildSite(root);
    expect(site.status).toBe(1);
    const errors = site.output.split('\n').filter((l) => / error: /.test(l)).map((l) => l.replace(/^.*\[cop-wiki\] /, ''));
    expect(errors).toEqual([
      expect.stringMatching(/^content\/ops\/divs\.md:3:501: error: HTML elements are nested more than 100 levels deep/),
      expect.stringMatching(/^content\/ops\/images\.md:3:1: error: image "\?\/a\.png": an image path that starts with "\?"/),
      expect.stringMatching(/^content\/ops\/images\.md:5:1: error: image "\?raw"/),
      expect.stringMatching(/^content\/ops\/laughs\.md:3:\d+: error: invalid YAML: its aliases/),
      expect.stringMatching(/^content\/ops\/list\.md:101: error: lists and block quotes are nested more than 100 levels deep/),
      expect.stringMatching(/^content\/ops\/stars\.md:3: error: this paragraph has 30000 emphasis marks/),
      expect.stringMatching(/^content\/team\/community\.yml:2:\d+: error: invalid YAML: its aliases/),
    ]);
    expect(site.output).not.toMatch(/^\s+at /m);
    expect(site.output).not.toMatch(/MDX/);
  }, 240_000);
});

describe('a build over odd commit dates', () => {
  it('keeps the other commits, names the odd ones in warnings, and writes a valid feed', () => {
    const repo = TestRepo.create('wiki-odd-dates-');
    roots.push(repo.dir);
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'Start', files: { 'wiki.config.yml': 'title: Odd dates\nsite: https://wiki.example.org\n', 'content/ops/README.md': '# Ops\n', 'content/ops/page.md': '# Page\n\none\n' } });
    const second = repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Two', files: { 'content/ops/page.md': '# Page\n\none\ntwo\n' } });
    repo.commit({ author: ada, date: '2024-01-03T10:00:00+00:00', message: 'Three', files: { 'content/ops/page.md': '# Page\n\none\ntwo\nthree\n' } });
    const tree = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
    const raw = `tree ${tree}\nparent ${second}\nauthor Far Future 99999999999999 +9999\ncommitter Far Future <> 99999999999999 +9999\n\nFar\n`;
    const odd = execFileSync('git', ['hash-object', '-w', '-t', 'commit', '--literally', '--stdin'], { cwd: repo.dir, input: raw, encoding: 'utf8' }).trim();
    repo.git(['update-ref', 'refs/heads/main', odd]);
    const site = buildSite(repo.dir);
    expect(site.status, site.output).toBe(0);
    expect(site.output).toMatch(new RegExp(`commit ${odd} \\(Far Future\\): its author date 99999999999999 is outside the years 1–9999, so 1970-01-01 is shown`));
    const history = site.html('/ops/page/history/');
    expect(history).toContain(second.slice(0, 7));
    expect(history).toContain('Grace Hopper');
    const feed = readFileSync(path.join(site.outDir, 'feeds', 'recent.xml'), 'utf8');
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).not.toMatch(/NaN|Invalid/);
  }, 240_000);
});
