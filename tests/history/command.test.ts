// Tests `wiki history`: the exact JSON shape on stdout, the readable summary, and usage errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { ada, grace, TestRepo } from '../helpers/git-repo.ts';

let repo: TestRepo;
let cache: string;
const c: Record<string, string> = {};

const wiki = (args: string[]) =>
  spawnSync(process.execPath, [path.join(projectRoot, 'scripts/wiki.ts'), 'history', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, WIKI_HISTORY_CACHE: cache },
  });

beforeAll(() => {
  repo = TestRepo.create();
  cache = mkdtempSync(path.join(tmpdir(), 'wiki-history-cmd-cache-'));
  c.one = repo.commit({ author: ada, date: '2024-01-01T10:00:00+02:00', message: 'One', files: { 'content/a b/Page.md': 'x\ny\n' } });
  c.two = repo.commit({ author: grace, date: '2024-01-02T10:00:00-01:00', message: 'Two\n\nCo-authored-by: Ada Lovelace <ada@example.org>', files: { 'content/a b/Page.md': 'x\nY\nz\n' } });
});
afterAll(() => {
  repo.remove();
  rmSync(cache, { recursive: true, force: true });
});

describe('wiki history', () => {
  it('prints exactly the documented JSON shape and nothing else on stdout', () => {
    const run = wiki(['--repo', repo.dir, '--content', `${repo.dir}/content`, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['head', 'shallow', 'pages']);
    expect(json.head).toBe(c.two);
    expect(json.shallow).toBe(false);
    const page = json.pages['content/a b/Page.md'];
    expect(Object.keys(page)).toEqual(['commits', 'created', 'updated', 'contributors', 'revisions']);
    expect(page.commits).toBe(2);
    const revisionKeys = ['commit', 'date', 'author', 'coAuthors', 'message', 'path', 'added', 'removed', 'merge'];
    for (const r of [page.created, page.updated, ...page.revisions]) expect(Object.keys(r)).toEqual(revisionKeys);
    expect(page.revisions[0]).toEqual({
      commit: c.two,
      date: '2024-01-02T10:00:00-01:00',
      author: { name: 'Grace Hopper', email: 'grace@example.org' },
      coAuthors: [{ name: 'Ada Lovelace', email: 'ada@example.org' }],
      message: 'Two',
      path: 'content/a b/Page.md',
      added: 2,
      removed: 1,
      merge: false,
    });
    expect(page.created).toEqual(page.revisions[1]);
    expect(page.updated).toEqual(page.revisions[0]);
    expect(page.contributors).toEqual([
      { name: 'Grace Hopper', email: 'grace@example.org', commits: 1, coAuthored: 0, added: 2, removed: 1, lines: 2 },
      { name: 'Ada Lovelace', email: 'ada@example.org', commits: 1, coAuthored: 1, added: 2, removed: 0, lines: 1 },
    ]);
  });

  it('prints a readable summary without --json', () => {
    const run = wiki(['--content', `${repo.dir}/content`]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('content/a b/Page.md: 2 commits, created 2024-01-01 by Ada Lovelace, updated 2024-01-02 by Grace Hopper');
    expect(run.stdout).toMatch(/Grace Hopper \(2 lines, 1 commits\)/);
  });

  it('rejects unknown flags with usage and exit code 2', () => {
    const run = wiki(['--jsn']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown option "--jsn"');
    expect(run.stderr).toContain('Usage: npm run wiki -- history');
  });
});
