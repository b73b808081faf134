// Tests a page followed back from outside the content folder through merges whose version of the file equals a parent's: git log --follow simplifies no history (revision.c sets revs->prune only without --follow), so every parent's branch is listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, blameLinesByEmail, gitLogFollow, grace, linus, TestRepo } from '../helpers/git-repo.ts';

const text = (name: string, n: number, changes: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => changes[i] ?? `${name}: original line ${i + 1} of the guide`).join('\n') + '\n';

let repo: TestRepo;
let history: RepositoryHistory;
const c: Record<string, string> = {};
const pages = ['content/both.md', 'content/ours.md'];

/** git log --follow's commits other than merges (none of these merges writes a line of its own), newest first. */
function gitCommits(file: string): string[] {
  const merges = new Set(repo.git(['rev-list', '--merges', 'HEAD']).split('\n').filter(Boolean));
  return gitLogFollow(repo.dir, file).filter((r) => !merges.has(r.commit)).map((r) => r.commit);
}

beforeAll(async () => {
  repo = TestRepo.create();
  repo.commit({ author: ada, date: '2023-01-02T09:00:00+00:00', message: 'Notes outside the wiki', files: { 'notes/both.md': text('B', 10), 'notes/ours.md': text('O', 10), 'content/index.md': '# Home\n' } });
  // The same edit made on two branches (18F/handbook's 3a58130 and its twin on master).
  repo.git(['checkout', '-q', '-b', 'side']);
  c.sideEdit = repo.commit({ author: grace, date: '2023-01-03T09:00:00+00:00', message: 'Side: line 4', files: { 'notes/both.md': text('B', 10, { 3: 'B: line 4, edited' }) } });
  repo.git(['checkout', '-q', 'main']);
  c.mainEdit = repo.commit({ author: linus, date: '2023-01-04T09:00:00+00:00', message: 'Main: the same line 4', files: { 'notes/both.md': text('B', 10, { 3: 'B: line 4, edited' }) } });
  // A branch whose edit a merge drops (-s ours): the merge keeps its first parent's version.
  repo.git(['checkout', '-q', '-b', 'dropped', 'main']);
  c.dropped = repo.commit({ author: grace, date: '2023-01-05T09:00:00+00:00', message: 'An edit the merge drops', files: { 'notes/ours.md': text('O', 10, { 6: 'O: line 7, never merged' }) } });
  repo.git(['checkout', '-q', 'main']);
  repo.git(['merge', '-q', '--no-ff', '-s', 'ours', '-m', 'Merge dropped, keeping ours', 'dropped'], repo.env(ada, '2023-01-06T09:00:00+00:00'));
  // The side merges main: the same as both parents, first parent the side's edit (git's simplified
  // `git log -- notes/both.md` keeps that parent only and never lists main's edit).
  repo.git(['checkout', '-q', 'side']);
  c.twin = repo.merge('main', { author: ada, date: '2023-01-07T09:00:00+00:00' });
  repo.git(['checkout', '-q', 'main']);
  repo.git(['merge', '-q', '--ff-only', 'side']);
  repo.commit({ author: ada, date: '2023-01-09T09:00:00+00:00', message: 'Move the notes into the wiki', moves: [['notes/both.md', 'content/both.md'], ['notes/ours.md', 'content/ours.md']] });
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
});

afterAll(() => repo.remove());

describe('a page followed back through merges the same as a parent', () => {
  it.each(pages)('%s lists the commits git log --follow does', (file) => {
    expect(history.pages[file]!.revisions.map((r) => r.commit)).toEqual(gitCommits(file));
  });

  it('lists both twin edits and the dropped one, which simplified history leaves out (the test can fail)', () => {
    const simplified = (file: string) => repo.git(['log', '--format=%H', '--', file]).split('\n').filter(Boolean);
    expect(simplified('notes/both.md')).not.toContain(c.mainEdit);
    expect(simplified('notes/ours.md')).not.toContain(c.dropped);
    expect(history.pages['content/both.md']!.revisions.map((r) => r.commit)).toEqual(expect.arrayContaining([c.sideEdit, c.mainEdit]));
    expect(history.pages['content/ours.md']!.revisions.map((r) => r.commit)).toContain(c.dropped);
  });

  it.each(pages)('%s credits lines as git blame does (the first parent the same as the merge)', (file) => {
    const byEmail = Object.fromEntries(history.pages[file]!.contributors.filter((p) => p.lines > 0).map((p) => [p.email, p.lines]));
    expect(byEmail).toEqual(blameLinesByEmail(repo.dir, file));
  });
});
