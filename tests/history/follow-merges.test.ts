// Tests a page moved into the content folder from a file that was edited on branches and merged outside it: the followed history walks every parent of a merge, as git log --follow and git blame do.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, gitLogFollow, grace, linus, mergeOwnLines, TestRepo } from '../helpers/git-repo.ts';

const text = (name: string, n: number, changes: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => changes[i] ?? `${name}: original line ${i + 1} of the guide`).join('\n') + '\n';

const katherine = { name: 'Katherine Johnson', email: 'katherine@example.org' };

let repo: TestRepo;
let history: RepositoryHistory;
const c: Record<string, string> = {};
/** Each page at HEAD and its path before the move (where its merges happened). */
const pages: Record<string, string> = { 'content/guide.md': 'notes/guide.md', 'content/branch-only.md': 'notes/branch-only.md', 'content/evil.md': 'notes/evil.md', 'content/twice.md': 'notes/twice.md', 'content/renamed.md': 'notes/renamed.md' };

/** Merges `branch` without committing, writes `files` over the result and commits: a merge with lines no parent had (an "evil" merge). */
function evilMerge(branch: string, files: Record<string, string>, date: string): string {
  const env = repo.env(ada, date);
  repo.git(['merge', '-q', '--no-ff', '--no-commit', branch], env);
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(repo.dir, file), content);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-edit', '-m', `Merge ${branch} with a line of its own`], env);
  return repo.git(['rev-parse', 'HEAD']).trim();
}

/** The commits git counts: `git log --follow`'s other than merges, and each merge whose `--cc` diff at the file's path then has a line of its own. */
function gitCommits(file: string): string[] {
  const merges = new Set(repo.git(['rev-list', '--merges', 'HEAD']).split('\n').filter(Boolean));
  const followed = gitLogFollow(repo.dir, file).filter((r) => !merges.has(r.commit)).map((r) => r.commit);
  // git's combined diff has no rename detection: against the parent with the old name it calls every
  // line new, so the other side's edit looks like the merge's own. git log --follow and git blame credit
  // the edit to its branch, and so does the engine (as its main walk does for pages renamed on one side).
  if (file === 'content/renamed.md') return repo.git(['rev-list', 'HEAD']).split('\n').filter((oid) => followed.includes(oid));
  const own = [...merges].filter((m) => {
    const lines = mergeOwnLines(repo.dir, m, pages[file]!);
    return lines.added.length + lines.removed.length > 0;
  });
  const wanted = new Set([...followed, ...own]);
  return repo.git(['rev-list', 'HEAD']).split('\n').filter((oid) => wanted.has(oid));
}

/** `git blame -C --line-porcelain`: the commit git credits for each line of the file at HEAD. */
function blameC(file: string): string[] {
  return repo
    .git(['blame', '-C', '--line-porcelain', 'HEAD', '--', file])
    .split('\n')
    .filter((l) => /^[0-9a-f]{40} \d+ \d+/.test(l))
    .map((l) => l.slice(0, 40));
}

beforeAll(async () => {
  repo = TestRepo.create();
  c.base = repo.commit({ author: ada, date: '2023-01-02T09:00:00+00:00', message: 'Notes outside the wiki', files: { 'notes/guide.md': text('G', 12), 'notes/evil.md': text('E', 9), 'content/index.md': '# Home\n' } });
  // A clean merge: both sides changed the guide, far apart.
  repo.git(['checkout', '-q', '-b', 'feature']);
  c.feature = repo.commit({ author: katherine, date: '2023-01-03T09:00:00-03:00', message: 'Feature: guide line 2', files: { 'notes/guide.md': text('G', 12, { 1: 'G: line 2 by Grace' }) } });
  repo.git(['checkout', '-q', 'main']);
  c.main = repo.commit({ author: linus, date: '2023-01-04T09:00:00+09:00', message: 'Main: guide line 11', files: { 'notes/guide.md': text('G', 12, { 10: 'G: line 11 by Linus' }) } });
  c.clean = repo.merge('feature', { author: ada, date: '2023-01-05T09:00:00+00:00' });
  // A conflicted merge, resolved with a line unlike either side.
  repo.git(['checkout', '-q', '-b', 'conflict']);
  c.branchConflict = repo.commit({ author: grace, date: '2023-01-06T09:00:00+00:00', message: 'Grace on line 6', files: { 'notes/guide.md': text('G', 12, { 1: 'G: line 2 by Grace', 10: 'G: line 11 by Linus', 5: 'G: line 6, Grace says X' }) } });
  repo.git(['checkout', '-q', 'main']);
  c.mainConflict = repo.commit({ author: linus, date: '2023-01-07T09:00:00+00:00', message: 'Linus on line 6', files: { 'notes/guide.md': text('G', 12, { 1: 'G: line 2 by Grace', 10: 'G: line 11 by Linus', 5: 'G: line 6, Linus says Y' }) } });
  c.conflicted = repo.merge('conflict', { author: ada, date: '2023-01-08T09:00:00+00:00', resolve: { 'notes/guide.md': text('G', 12, { 1: 'G: line 2 by Grace', 10: 'G: line 11 by Linus', 5: 'G: line 6, Ada settles on Z' }) } });
  // A file created on a branch only, merged (the merge has it as the branch has it), then edited there.
  repo.git(['checkout', '-q', '-b', 'side']);
  c.sideCreate = repo.commit({ author: grace, date: '2023-01-09T09:00:00+00:00', message: 'Branch-only notes', files: { 'notes/branch-only.md': text('B', 6), 'notes/evil.md': text('E', 9, { 0: 'E: line 1 by Grace' }) } });
  repo.git(['checkout', '-q', 'main']);
  c.mainEvil = repo.commit({ author: linus, date: '2023-01-10T09:00:00+00:00', message: 'Main edits evil notes', files: { 'notes/evil.md': text('E', 9, { 8: 'E: line 9 by Linus' }) } });
  // A clean merge where the merger adds a line no side had.
  c.evil = evilMerge('side', { 'notes/evil.md': text('E', 9, { 0: 'E: line 1 by Grace', 8: 'E: line 9 by Linus', 4: 'E: line 5 slipped in by Ada' }) }, '2023-01-11T09:00:00+00:00');
  // Each side drops a different copy of one repeated line: the merge drops both, but at two places, so git's --cc gives it no line of its own.
  const twice = (drop: number[]) => ['intro', 'X repeated', 'middle 1', 'middle 2', 'middle 3', 'X repeated', 'end'].filter((_, i) => !drop.includes(i)).join('\n') + '\n';
  repo.commit({ author: ada, date: '2023-01-11T10:00:00+00:00', message: 'Twice', files: { 'notes/twice.md': twice([]) } });
  repo.git(['checkout', '-q', '-b', 'twice']);
  repo.commit({ author: grace, date: '2023-01-11T11:00:00+00:00', message: 'Drop the first', files: { 'notes/twice.md': twice([1]) } });
  repo.git(['checkout', '-q', 'main']);
  repo.commit({ author: linus, date: '2023-01-11T12:00:00+00:00', message: 'Drop the second', files: { 'notes/twice.md': twice([5]) } });
  c.twice = repo.merge('twice', { author: ada, date: '2023-01-11T13:00:00+00:00' });
  // One side renames a file, the other edits it under its old name: the merge has it at the new path, with the edit.
  repo.commit({ author: ada, date: '2023-01-11T14:00:00+00:00', message: 'Old name', files: { 'notes/old-name.md': text('R', 10) } });
  repo.git(['checkout', '-q', '-b', 'edit-old']);
  c.editOld = repo.commit({ author: katherine, date: '2023-01-11T15:00:00+00:00', message: 'Edit under the old name', files: { 'notes/old-name.md': text('R', 10, { 7: 'R: line 8 by Katherine' }) } });
  repo.git(['checkout', '-q', 'main']);
  c.rename = repo.commit({ author: linus, date: '2023-01-11T16:00:00+00:00', message: 'Rename', moves: [['notes/old-name.md', 'notes/renamed.md']] });
  c.renameMerge = repo.merge('edit-old', { author: ada, date: '2023-01-11T17:00:00+00:00' });
  c.move = repo.commit({
    author: grace,
    date: '2023-01-12T09:00:00+00:00',
    message: 'Move the notes into the wiki',
    moves: [
      ['notes/guide.md', 'content/guide.md'],
      ['notes/branch-only.md', 'content/branch-only.md'],
      ['notes/evil.md', 'content/evil.md'],
      ['notes/twice.md', 'content/twice.md'],
      ['notes/renamed.md', 'content/renamed.md'],
    ],
  });
  c.after = repo.commit({ author: linus, date: '2023-01-13T09:00:00+00:00', message: 'After the move', files: { 'content/guide.md': text('G', 13, { 1: 'G: line 2 by Grace', 10: 'G: line 11 by Linus', 5: 'G: line 6, Ada settles on Z' }) } });
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
});

afterAll(() => repo.remove());

describe('a page followed back through merges outside the content folder', () => {
  it.each(Object.keys(pages))('%s lists the commits git does (every parent of a merge; a merge only with lines of its own)', (file) => {
    expect(history.pages[file]!.revisions.map((r) => r.commit)).toEqual(gitCommits(file));
  });

  it('includes both branches and the conflicted and evil merges, not the clean one (the test can fail)', () => {
    const guide = history.pages['content/guide.md']!.revisions.map((r) => r.commit);
    expect(guide).toEqual(expect.arrayContaining([c.feature, c.main, c.branchConflict, c.mainConflict, c.conflicted]));
    expect(guide).not.toContain(c.clean);
    expect(mergeOwnLines(repo.dir, c.twice!, 'notes/twice.md')).toEqual({ added: [], removed: [] });
    expect(history.pages['content/renamed.md']!.revisions.map((r) => r.commit)).toContain(c.editOld);
    expect(history.pages['content/renamed.md']!.revisions.map((r) => r.commit)).not.toContain(c.renameMerge);
    expect(history.pages['content/twice.md']!.revisions.map((r) => r.commit)).not.toContain(c.twice);
    expect(history.pages['content/evil.md']!.revisions.map((r) => r.commit)).toEqual(expect.arrayContaining([c.sideCreate, c.mainEvil, c.evil]));
  });

  it.each(Object.keys(pages))('%s has the creation and authors git log --follow gives', (file) => {
    const follow = gitLogFollow(repo.dir, file);
    const page = history.pages[file]!;
    expect(page.created.commit).toBe(follow.at(-1)!.commit);
    expect(new Set(page.contributors.map((p) => p.email))).toEqual(new Set(follow.map((r) => r.email)));
    if (file === 'content/guide.md') expect(follow.map((r) => r.email)).toContain(katherine.email);
  });

  it.each(Object.keys(pages))('%s credits each line as git blame -C does', (file) => {
    expect(history.pages[file]!.lineCommits).toEqual(blameC(file));
  });

  it('marks merge revisions and credits them with their own lines only', () => {
    const guide = history.pages['content/guide.md']!.revisions.find((r) => r.commit === c.conflicted)!;
    const own = mergeOwnLines(repo.dir, c.conflicted!, 'notes/guide.md');
    expect(guide).toMatchObject({ merge: true, added: own.added.length, removed: own.removed.length });
    const evil = history.pages['content/evil.md']!.revisions.find((r) => r.commit === c.evil)!;
    const evilOwn = mergeOwnLines(repo.dir, c.evil!, 'notes/evil.md');
    expect(evilOwn.added).toEqual(['E: line 5 slipped in by Ada']);
    expect(evil).toMatchObject({ merge: true, added: evilOwn.added.length, removed: evilOwn.removed.length });
  });
});
