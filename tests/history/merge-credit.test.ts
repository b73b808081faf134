// Tests that a merge credits no one unless it wrote lines of its own (what `git show --cc` shows), checked against git log, --cc and blame.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, gitBlame, gitLogFollow, gitRevisions, grace, linus, mergeOwnLines, TestRepo, type Author } from '../helpers/git-repo.ts';

const page = (name: string, n: number, changes: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => changes[i] ?? `${name}: original line ${i + 1}`).join('\n') + '\n';

const repos: TestRepo[] = [];
const cacheDirs: string[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
  for (const d of cacheDirs) rmSync(d, { recursive: true, force: true });
});

const read = (repo: TestRepo, cacheDir: string | null = null) => readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir });

/** A merge done by hand, so the test can change the result before committing (an evil merge) or merge several branches. */
function mergeBy(repo: TestRepo, author: Author, date: string, branches: string[], edit?: Record<string, string>): string {
  const env = repo.env(author, date);
  repo.git(['merge', '-q', '--no-ff', '--no-commit', ...branches], env);
  for (const [file, text] of Object.entries(edit ?? {})) writeFileSync(path.join(repo.dir, file), text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-edit', '-m', `Merge ${branches.join(', ')}`], env);
  return repo.git(['rev-parse', 'HEAD']).trim();
}

/** Everything the engine says about a page, compared with what git says. */
function expectAgreesWithGit(repo: TestRepo, history: RepositoryHistory, file: string): void {
  const p = history.pages[file]!;
  const revisions = gitRevisions(repo.dir, file);
  expect(p.revisions.map((r) => r.commit), `${file}: revisions`).toEqual(revisions);
  expect(p.commits, `${file}: revision count`).toBe(revisions.length);
  expect(p.updated.commit, `${file}: updated`).toBe(revisions[0]);
  const authors = new Set(revisions.map((oid) => repo.git(['show', '-s', '--format=%ae', oid]).trim()));
  expect(new Set(p.contributors.map((c) => c.email)), `${file}: contributors`).toEqual(authors);
  expect(p.lineCommits, `${file}: line credit`).toEqual(gitBlame(repo.dir, file).map((l) => l.commit));
}

describe('a clean merge of two sides that changed one page', () => {
  const c: Record<string, string> = {};
  let history: RepositoryHistory;

  it('is no revision, credits nobody, and lines keep their branch authors', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    c.base = repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'Base', files: { 'content/far.md': page('F', 20), 'content/near.md': page('N', 12) } });
    repo.git(['checkout', '-q', '-b', 'feature']);
    c.branch = repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Grace edits', files: { 'content/far.md': page('F', 20, { 1: 'F: Grace' }), 'content/near.md': page('N', 12, { 4: 'N: Grace' }) } });
    repo.git(['checkout', '-q', 'main']);
    c.main = repo.commit({ author: linus, date: '2024-01-03T10:00:00+00:00', message: 'Linus edits', files: { 'content/far.md': page('F', 20, { 17: 'F: Linus' }), 'content/near.md': page('N', 12, { 6: 'N: Linus' }) } });
    c.merge = repo.merge('feature', { author: { name: 'Merge Clicker', email: 'clicker@example.org' }, date: '2024-01-04T10:00:00+00:00' });
    history = await read(repo);

    // git: the merge shows nothing on far.md; on near.md a hunk, but every line in it is one side's.
    expect(repo.git(['show', '--cc', '--format=', c.merge, '--', 'content/far.md'])).toBe('');
    expect(repo.git(['show', '--cc', '--format=', c.merge, '--', 'content/near.md'])).not.toBe('');
    for (const file of ['content/far.md', 'content/near.md']) {
      expect(mergeOwnLines(repo.dir, c.merge, file)).toEqual({ added: [], removed: [] });
      expectAgreesWithGit(repo, history, file);
      const p = history.pages[file]!;
      expect(p.revisions.map((r) => r.commit)).not.toContain(c.merge);
      expect(p.contributors.map((x) => x.email)).not.toContain('clicker@example.org');
      expect(p.updated.commit).toBe(c.main);
    }
    expect(history.pages['content/far.md']!.lineCommits[1]).toBe(c.branch);
    expect(history.pages['content/far.md']!.lineCommits[17]).toBe(c.main);
  });

  it('is no revision either when the merge arrives as new commits on a cached history', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'wiki-merge-cache-'));
    cacheDirs.push(cacheDir);
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'Base', files: { 'content/far.md': page('F', 20) } });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Grace edits', files: { 'content/far.md': page('F', 20, { 1: 'F: Grace' }) } });
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ author: linus, date: '2024-01-03T10:00:00+00:00', message: 'Linus edits', files: { 'content/far.md': page('F', 20, { 17: 'F: Linus' }) } });
    // The cache knows main and the branch (built at the branch's head, then at main's).
    repo.git(['checkout', '-q', 'feature']);
    await read(repo, cacheDir);
    repo.git(['checkout', '-q', 'main']);
    await read(repo, cacheDir);
    const merge = repo.merge('feature', { author: ada, date: '2024-01-04T10:00:00+00:00' });
    const started = Date.now();
    const next = await read(repo, cacheDir);
    expect(Date.now() - started).toBeLessThan(500);
    // The walk went back to main's head (the branch was not on its line): the branch commit and the merge are new.
    expect(next.stats).toMatchObject({ mode: 'incremental', processed: 2 });
    expect(next.pages['content/far.md']!.revisions.map((r) => r.commit)).not.toContain(merge);
    expect(next.pages).toEqual((await read(repo)).pages);
    expectAgreesWithGit(repo, next, 'content/far.md');
  });
});

describe('a merge that wrote lines of its own', () => {
  it('is a revision credited to the merger for exactly the lines --cc shows as its own', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'Base', files: { 'content/a.md': page('A', 12), 'content/evil.md': page('E', 12) } });
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.commit({
      author: grace,
      date: '2024-01-02T10:00:00+00:00',
      message: 'Grace',
      files: { 'content/a.md': page('A', 12, { 3: 'A: Grace says X', 9: 'A: Grace, far away' }), 'content/evil.md': page('E', 12, { 0: 'E: Grace' }) },
    });
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ author: linus, date: '2024-01-03T10:00:00+00:00', message: 'Linus', files: { 'content/a.md': page('A', 12, { 3: 'A: Linus says Y' }), 'content/evil.md': page('E', 12, { 11: 'E: Linus' }) } });
    const merger: Author = { name: 'Mer Ger', email: 'merger@example.org' };
    const merge = repo.merge('side', {
      author: merger,
      date: '2024-01-04T10:00:00+00:00',
      resolve: { 'content/a.md': page('A', 12, { 3: 'A: Mer settles on Z', 4: 'A: and adds a line', 9: 'A: Grace, far away' }) },
    });
    const history = await read(repo);

    const own = mergeOwnLines(repo.dir, merge, 'content/a.md');
    expect(own.added.length).toBeGreaterThan(0);
    expectAgreesWithGit(repo, history, 'content/a.md');
    const a = history.pages['content/a.md']!;
    const revision = a.revisions.find((r) => r.commit === merge)!;
    expect(revision).toMatchObject({ merge: true, author: { email: 'merger@example.org' }, added: own.added.length, removed: own.removed.length });
    // The merger's lines are exactly --cc's `++` lines; the rest is blamed as git blame does (checked above).
    const text = repo.git(['show', `HEAD:content/a.md`]).split('\n');
    expect(a.lineCommits.flatMap((oid, k) => (oid === merge ? [text[k]] : []))).toEqual(own.added);
    expect(a.contributors.find((x) => x.email === 'merger@example.org')).toMatchObject({ commits: 1, added: own.added.length, lines: own.added.length });
  });

  it('is a revision when it only dropped a line both parents had', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'Base', files: { 'content/evil.md': page('E', 12) } });
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Grace', files: { 'content/evil.md': page('E', 12, { 0: 'E: Grace' }) } });
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ author: linus, date: '2024-01-03T10:00:00+00:00', message: 'Linus', files: { 'content/evil.md': page('E', 12, { 11: 'E: Linus' }) } });
    const merged = page('E', 12, { 0: 'E: Grace', 11: 'E: Linus' }).split('\n');
    merged.splice(5, 1);
    const merge = mergeBy(repo, linus, '2024-01-04T10:00:00+00:00', ['side'], { 'content/evil.md': merged.join('\n') });
    const history = await read(repo);

    const own = mergeOwnLines(repo.dir, merge, 'content/evil.md');
    expect(own).toEqual({ added: [], removed: ['E: original line 6'] });
    expectAgreesWithGit(repo, history, 'content/evil.md');
    expect(history.pages['content/evil.md']!.revisions[0]).toMatchObject({ commit: merge, merge: true, added: 0, removed: 1 });
  });
});

describe('merges that leave a page to its sides', () => {
  it('agree with git for a fast-forward, an octopus merge and a merge of changes elsewhere', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'Base', files: { 'content/a.md': page('A', 30), 'content/other.md': page('O', 5) } });
    repo.git(['checkout', '-q', '-b', 'ff']);
    repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Fast-forwarded', files: { 'content/a.md': page('A', 30, { 2: 'A: Grace, fast-forwarded' }) } });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--ff-only', 'ff']);
    const date = (day: number) => `2024-01-${String(day).padStart(2, '0')}T10:00:00+00:00`;
    const edits: [string, Author, Record<string, string>][] = [
      ['o1', grace, { 'content/a.md': page('A', 30, { 2: 'A: Grace, fast-forwarded', 8: 'A: o1 by Grace' }) }],
      ['o2', linus, { 'content/a.md': page('A', 30, { 2: 'A: Grace, fast-forwarded', 20: 'A: o2 by Linus' }) }],
      ['o3', ada, { 'content/other.md': page('O', 5, { 1: 'O: o3 by Ada' }) }],
    ];
    for (const [k, [branch, author, files]] of edits.entries()) {
      repo.git(['checkout', '-q', '-b', branch, 'main']);
      repo.commit({ author, date: date(3 + k), message: branch, files });
    }
    repo.git(['checkout', '-q', 'main']);
    const octopus = mergeBy(repo, { name: 'Octo Pus', email: 'octo@example.org' }, date(7), ['o1', 'o2', 'o3']);
    expect(repo.git(['rev-list', '--parents', '-n', '1', octopus]).trim().split(' ')).toHaveLength(5);
    // A branch that changes only another page, merged after main changed a.md.
    repo.git(['checkout', '-q', '-b', 'elsewhere']);
    repo.commit({ author: grace, date: date(8), message: 'Other page only', files: { 'content/other.md': page('O', 5, { 1: 'O: o3 by Ada', 3: 'O: Grace again' }) } });
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ author: linus, date: date(9), message: 'Main edits a', files: { 'content/a.md': page('A', 30, { 2: 'A: Grace, fast-forwarded', 8: 'A: o1 by Grace', 20: 'A: o2 by Linus', 29: 'A: last by Linus' }) } });
    const elsewhere = repo.merge('elsewhere', { author: { name: 'Merge Clicker', email: 'clicker@example.org' }, date: date(10) });
    const history = await read(repo);

    for (const file of ['content/a.md', 'content/other.md']) {
      expect(mergeOwnLines(repo.dir, octopus, file)).toEqual({ added: [], removed: [] });
      expectAgreesWithGit(repo, history, file);
      expect(history.pages[file]!.revisions.some((r) => r.merge)).toBe(false);
      // git log --follow names the same commits, merges aside.
      expect(history.pages[file]!.revisions.map((r) => r.commit)).toEqual(gitLogFollow(repo.dir, file).map((r) => r.commit).filter((oid) => oid !== octopus && oid !== elsewhere));
    }
  });
});
