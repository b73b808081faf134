// Tests merges: branch commits credited to their authors, merge revisions only where the merge wrote lines of its own, blame through parents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, gitBlame, gitRevisions, grace, linus, mergeOwnLines, TestRepo } from '../helpers/git-repo.ts';

const page = (name: string, n: number, changes: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => changes[i] ?? `${name}: original line ${i + 1}`).join('\n') + '\n';

let repo: TestRepo;
const c: Record<string, string> = {};
let history: RepositoryHistory;

beforeAll(async () => {
  repo = TestRepo.create();
  c.base = repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'Base', files: { 'content/a.md': page('A', 8), 'content/b.md': page('B', 5), 'content/old-name.md': page('R', 6) } });
  repo.git(['checkout', '-q', '-b', 'feature']);
  c.branchEdit = repo.commit({
    author: grace,
    date: '2024-01-02T10:00:00-03:00',
    message: 'Feature: edit a, add c, rename r',
    files: { 'content/a.md': page('A', 8, { 1: 'A: line 2 by Grace' }), 'content/c.md': page('C', 3) },
    moves: [['content/old-name.md', 'content/guides/new-name.md']],
  });
  repo.git(['checkout', '-q', 'main']);
  c.mainEdit = repo.commit({
    author: linus,
    date: '2024-01-03T10:00:00+09:00',
    message: 'Main: edit a and b and r',
    files: { 'content/a.md': page('A', 8, { 6: 'A: line 7 by Linus' }), 'content/b.md': page('B', 5, { 0: 'B: line 1 by Linus' }), 'content/old-name.md': page('R', 6, { 5: 'R: line 6 by Linus' }) },
  });
  c.cleanMerge = repo.merge('feature', { author: ada, date: '2024-01-04T10:00:00+00:00' });

  repo.git(['checkout', '-q', '-b', 'conflict']);
  c.branchConflict = repo.commit({
    author: grace,
    date: '2024-01-05T10:00:00+00:00',
    message: 'Conflict branch',
    files: { 'content/a.md': page('A', 8, { 1: 'A: line 2 by Grace', 3: 'A: line 4, Grace says X' }), 'content/b.md': page('B', 5, { 0: 'B: line 1 by Linus', 2: 'B: line 3, Grace' }) },
  });
  repo.git(['checkout', '-q', 'main']);
  c.mainConflict = repo.commit({
    author: linus,
    date: '2024-01-06T10:00:00+00:00',
    message: 'Main side of the conflict',
    files: { 'content/a.md': page('A', 8, { 1: 'A: line 2 by Grace', 6: 'A: line 7 by Linus', 3: 'A: line 4, Linus says Y' }), 'content/b.md': page('B', 5, { 0: 'B: line 1 by Linus', 2: 'B: line 3, Linus' }) },
  });
  c.conflictMerge = repo.merge('conflict', {
    author: ada,
    date: '2024-01-07T10:00:00+00:00',
    resolve: {
      // a.md: a resolution unlike either side (an "evil" line by the merger); b.md: main's side kept as it was.
      'content/a.md': page('A', 8, { 1: 'A: line 2 by Grace', 6: 'A: line 7 by Linus', 3: 'A: line 4, Ada settles on Z' }),
      'content/b.md': page('B', 5, { 0: 'B: line 1 by Linus', 2: 'B: line 3, Linus' }),
    },
  });
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
});

afterAll(() => repo.remove());

describe('merges', () => {
  it('credits the merged branch commits to their authors', () => {
    const a = history.pages['content/a.md']!;
    const byCommit = Object.fromEntries(a.revisions.map((r) => [r.commit, r]));
    expect(byCommit[c.branchEdit!]).toMatchObject({ author: { email: 'grace@example.org' }, merge: false, added: 1, removed: 1 });
    expect(byCommit[c.branchConflict!]).toMatchObject({ author: { email: 'grace@example.org' }, merge: false });
    expect(history.pages['content/c.md']!.revisions.map((r) => [r.commit, r.merge])).toEqual([[c.branchEdit, false]]);
  });

  it('counts a merge as a revision only where it wrote lines of its own (git show --cc)', () => {
    const a = history.pages['content/a.md']!;
    // The clean merge only combined both sides: no line of its own, so no revision and no credit.
    expect(mergeOwnLines(repo.dir, c.cleanMerge!, 'content/a.md')).toEqual({ added: [], removed: [] });
    expect(a.revisions.find((r) => r.commit === c.cleanMerge)).toBeUndefined();
    // The conflict resolution wrote one line unlike either side: a revision counting that line only.
    const own = mergeOwnLines(repo.dir, c.conflictMerge!, 'content/a.md');
    expect(a.revisions.find((r) => r.commit === c.conflictMerge)).toMatchObject({ merge: true, added: own.added.length, removed: own.removed.length, author: { email: 'ada@example.org' } });
    // b.md took main's side unchanged at the conflict merge: not a revision; the clean merge left it as main had it too.
    const b = history.pages['content/b.md']!;
    expect(b.revisions.map((r) => r.commit)).toEqual([c.mainConflict, c.branchConflict, c.mainEdit, c.base]);
    for (const file of ['content/a.md', 'content/b.md']) {
      expect(history.pages[file]!.revisions.map((r) => r.commit)).toEqual(gitRevisions(repo.dir, file));
    }
  });

  it('follows a rename made on a branch while main edited the old path', () => {
    const r = history.pages['content/guides/new-name.md']!;
    // The merge's new-name.md has exactly main's text (the branch only moved the file): equal to a
    // parent's version, so the merge is not a revision; both sides' commits are.
    expect(r.revisions.map((x) => [x.commit, x.path, x.merge])).toEqual([
      [c.mainEdit, 'content/old-name.md', false],
      [c.branchEdit, 'content/guides/new-name.md', false],
      [c.base, 'content/old-name.md', false],
    ]);
    expect(r.lineCommits).toEqual(gitBlame(repo.dir, 'content/guides/new-name.md').map((l) => l.commit));
  });

  it('attributes lines through merges as git blame does', () => {
    for (const [file, p] of Object.entries(history.pages)) {
      expect(p.lineCommits, file).toEqual(gitBlame(repo.dir, file).map((l) => l.commit));
    }
    const a = history.pages['content/a.md']!;
    expect(a.lineCommits[3]).toBe(c.conflictMerge);
    expect(a.lineCommits[1]).toBe(c.branchEdit);
    expect(a.lineCommits[6]).toBe(c.mainEdit);
  });
});
