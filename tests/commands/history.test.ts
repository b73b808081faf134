// `wiki history` and `wiki stats` print names, emails, subjects and paths from git escaped; their JSON reads back to the raw values and says which revisions copied, renamed or deleted a page, as git log --follow does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ada, grace, TestRepo } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

/** What must never reach a terminal raw: C0 (but the output's own newlines), DEL, C1, bidi controls. */
const RAW_UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const evil = { name: 'Eve \x1b[31mEvil\x1b]0;owned\x07 \u202Eredro', email: 'evil\x1b[2J@example.org' };
const subject = 'Fix \x1b[2J\x1b[Hall clear\u009b31m ##[warning]pwned';
const hostilePath = 'content/ops/\x1b[32mgreen\u202Egpj.md';

function hostileRepo(): TestRepo {
  const repo = TestRepo.create('wiki-history-cmd-');
  repo.commit({
    author: evil,
    date: '2026-03-01T10:00:00+00:00',
    message: subject,
    files: {
      'wiki.config.yml': 'title: Fixture\n',
      'content/ops/community.yml': 'name: "Ops \\e[5mblink\\n::error::fake"\n',
      [hostilePath]: '# Green\n\nText.\n',
    },
  });
  return repo;
}

const noFakeCommands = (output: string) => output.split('\n').filter((line) => /^\s*::/.test(line) || line.includes('##['));

describe('wiki history and wiki stats with hostile git fields', () => {
  it('escapes author names, emails and paths in the summary', () => {
    const repo = hostileRepo();
    const result = wiki(repo.dir, ['history']);
    expect(result.status).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).not.toMatch(RAW_UNSAFE);
    expect(noFakeCommands(output)).toEqual([]);
    expect(result.stdout).toContain('content/ops/\\x1b[32mgreen\\u202egpj.md: 1 commit, created 2026-03-01 by Eve \\x1b[31mEvil\\x1b]0;owned\\x07 \\u202eredro');
  });

  it('writes JSON that holds no raw control character and parses back to the exact names and subject', () => {
    const repo = hostileRepo();
    const result = wiki(repo.dir, ['history', '--json']);
    expect(result.status).toBe(0);
    expect(result.stdout.replaceAll('\n', '')).not.toMatch(RAW_UNSAFE);
    expect(noFakeCommands(result.stdout)).toEqual([]);
    const page = JSON.parse(result.stdout).pages[hostilePath];
    expect(page.created.author).toEqual({ name: evil.name, email: evil.email.toLowerCase() });
    expect(page.created.message).toBe(subject);
  });

  it('escapes community and person names in the stats report', () => {
    const repo = hostileRepo();
    const result = wiki(repo.dir, ['stats']);
    expect(result.status).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).not.toMatch(RAW_UNSAFE);
    expect(noFakeCommands(output)).toEqual([]);
    expect(result.stdout).toContain('Ops \\x1b[5mblink\\n::error::fake');
    expect(result.stdout).toContain('\\x1b[31mEvil');
  });
});

/** `git log --follow --name-status`: per commit, newest first, the status letter and the paths git names. */
function followStatus(repo: TestRepo, file: string): { commit: string; status: string; paths: string[] }[] {
  const out = repo.git(['log', '--follow', '--name-status', '-z', '--format=%x01%H', '--', file]);
  return out.split('\x01').filter(Boolean).map((record) => {
    // -z ends the commit id, the status and each path in NUL; the first status follows a newline.
    const [commit, status, ...paths] = record.split('\0').map((t) => t.trim()).filter(Boolean) as [string, string, ...string[]];
    return { commit, status, paths };
  });
}

describe('wiki history --json with copies, renames and pages created again', () => {
  const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} line ${i + 1} of the page`).join('\n') + '\n';
  const pages = ['content/ops/template.md', 'content/ops/alpha.md', 'content/ops/gone.md', 'content/ops/renamed.md'];
  let repo: TestRepo;
  let json: { pages: Record<string, { revisions: Record<string, unknown>[] }> };

  beforeAll(() => {
    repo = TestRepo.create('wiki-history-copies-cmd-');
    repo.commit({
      author: ada,
      date: '2026-01-05T10:00:00+00:00',
      message: 'Start',
      files: {
        'wiki.config.yml': 'title: Fixture\n',
        'content/ops/community.yml': 'name: Ops\n',
        'content/ops/template.md': lines('Template', 12),
        'content/ops/gone.md': lines('Gone', 6),
        'content/ops/kept.md': lines('Kept', 8),
      },
    });
    repo.commit({ author: grace, date: '2026-02-01T09:00:00+01:00', message: 'A page from the template', files: { 'content/ops/alpha.md': lines('Template', 12).replace('line 2 ', 'line two ') } });
    repo.commit({ author: ada, date: '2026-03-01T09:00:00+00:00', message: 'Delete gone', files: { 'content/ops/gone.md': null } });
    repo.commit({ author: grace, date: '2026-04-01T09:00:00-03:00', message: 'Gone is back', files: { 'content/ops/gone.md': 'Entirely new words here\nand nothing from before\n' } });
    repo.commit({ author: ada, date: '2026-05-01T09:00:00+00:00', message: 'Rename kept', moves: [['content/ops/kept.md', 'content/ops/renamed.md']] });
    const run = wiki(repo.dir, ['history', '--json']);
    expect(run.status, run.stderr).toBe(0);
    json = JSON.parse(run.stdout);
  });
  afterAll(() => repo.remove());

  it('the scenarios are what git itself says they are', () => {
    const at = (file: string, message: string) => followStatus(repo, file).find((s) => repo.git(['log', '-1', '--format=%s', s.commit]).trim() === message)!;
    expect(at('content/ops/alpha.md', 'A page from the template')).toMatchObject({ status: expect.stringMatching(/^C/), paths: ['content/ops/template.md', 'content/ops/alpha.md'] });
    expect(at('content/ops/gone.md', 'Delete gone')).toMatchObject({ status: 'D', paths: ['content/ops/gone.md'] });
    expect(at('content/ops/renamed.md', 'Rename kept')).toMatchObject({ status: 'R100', paths: ['content/ops/kept.md', 'content/ops/renamed.md'] });
    // The copy source keeps its file: git's log of it does not stop at the copy.
    expect(repo.git(['ls-tree', '--name-only', 'HEAD', 'content/ops/template.md']).trim()).toBe('content/ops/template.md');
  });

  it.each(pages)('%s: each revision says what git log --follow says it did (copied from, renamed from, deleted), and only then', (file) => {
    const revisions = json.pages[file]!.revisions;
    const expected = followStatus(repo, file).map(({ commit, status, paths }) => ({
      commit,
      ...(status.startsWith('R') ? { previousPath: paths[0] } : {}),
      ...(status.startsWith('C') ? { copiedFrom: paths[0] } : {}),
      ...(status === 'D' ? { deleted: true } : {}),
    }));
    const keys = ['commit', 'date', 'author', 'coAuthors', 'message', 'path', 'added', 'removed', 'merge'];
    // The optional fields after the documented ones, in the engine's order, and nothing else.
    expect(revisions.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k === 'commit' || !keys.includes(k))))).toEqual(expected);
    for (const r of revisions) expect(Object.keys(r).slice(0, keys.length)).toEqual(keys);
  });
});

describe('wiki history progress on a pipe (a CI log)', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = TestRepo.create('wiki-history-progress-');
    repo.commit({ author: ada, date: '2026-01-05T10:00:00+00:00', message: 'Start', files: { 'wiki.config.yml': 'title: Fixture\n', 'content/ops/a.md': '# A\n' } });
    repo.commit({ author: grace, date: '2026-01-06T10:00:00+00:00', message: 'More', files: { 'content/ops/b.md': '# B\n' } });
  });
  afterAll(() => repo.remove());

  it('writes one line per phase to stderr and never a "\\r" redraw', () => {
    // WIKI_PROGRESS=all reports phases however short; a small wiki's walk is otherwise too quick to report.
    const result = wiki(repo.dir, ['history'], { WIKI_PROGRESS: 'all' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/[\r\x1b]/);
    expect(result.stderr).toMatch(/^history: 2 commits \(2 walked\) in \d+\.\d s\n$/);
    expect(result.stdout).not.toContain('history:');
  });

  it('writes nothing for phases shorter than a few seconds', () => {
    const result = wiki(repo.dir, ['history']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
