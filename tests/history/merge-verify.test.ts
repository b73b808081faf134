// `wiki verify`'s git side at merges: a merge is a commit of a page only where `git diff-tree --cc` shows a line of its own, not for any hunk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combinedDiffHasOwnLine, gitPageLog } from '../../src/lib/history/verify-git-fs.ts';
import { ada, gitRevisions, grace, linus, mergeOwnLines, TestRepo } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

const page = 'content/ops/p.md';
const lines = Array.from({ length: 14 }, (_, k) => `line ${k + 1}`);
/** The page with some of its lines (1-based) replaced. */
const text = (changes: Record<number, string>) => lines.map((l, k) => changes[k + 1] ?? l).join('\n') + '\n';

let repo: TestRepo;
let near: string;
let conflicted: string;
let octopus: string;
let evilOctopus: string;
const combined = (merge: string) => repo.git(['diff-tree', '--cc', '-p', merge, '--', page]);

beforeAll(() => {
  repo = TestRepo.create('wiki-verify-merges-');
  repo.commit({ author: ada, date: '2026-01-01T10:00:00+00:00', message: 'Start', files: { 'wiki.config.yml': 'title: Fixture\n', 'content/ops/community.yml': 'name: Ops\n', [page]: text({}) } });
  // Two sides change lines two apart: git merges them cleanly, and --cc still prints the hunk around both.
  repo.git(['checkout', '-q', '-b', 'near']);
  repo.commit({ author: grace, date: '2026-01-02T10:00:00+00:00', message: 'Side', files: { [page]: text({ 3: 'line 3 side' }) } });
  repo.git(['checkout', '-q', 'main']);
  repo.commit({ author: ada, date: '2026-01-03T10:00:00+00:00', message: 'Main', files: { [page]: text({ 5: 'line 5 main' }) } });
  near = repo.merge('near', { author: linus, date: '2026-01-04T10:00:00+00:00' });
  const afterNear = { 3: 'line 3 side', 5: 'line 5 main' };
  // Both sides change line 9; the merger resolves it with a third text.
  repo.git(['checkout', '-q', '-b', 'clash']);
  repo.commit({ author: grace, date: '2026-01-05T10:00:00+00:00', message: 'Side 9', files: { [page]: text({ ...afterNear, 9: 'line 9 side' }) } });
  repo.git(['checkout', '-q', 'main']);
  repo.commit({ author: ada, date: '2026-01-06T10:00:00+00:00', message: 'Main 9', files: { [page]: text({ ...afterNear, 9: 'line 9 main' }) } });
  const afterClash = { ...afterNear, 9: 'line 9 both' };
  conflicted = repo.merge('clash', { author: linus, date: '2026-01-07T10:00:00+00:00', resolve: { [page]: text(afterClash) } });
  // An octopus of three parents, each changing one line near the others': one hunk, no line of the merge's own.
  for (const [branch, line, day] of [['o1', 10, 8], ['o2', 12, 9]] as const) {
    repo.git(['checkout', '-q', '-b', branch, 'main']);
    repo.commit({ author: grace, date: `2026-01-0${day}T10:00:00+00:00`, message: branch, files: { [page]: text({ ...afterClash, [line]: `line ${line} ${branch}` }) } });
  }
  repo.git(['checkout', '-q', 'main']);
  repo.commit({ author: ada, date: '2026-01-10T10:00:00+00:00', message: 'Main 14', files: { [page]: text({ ...afterClash, 14: 'line 14 main' }) } });
  octopus = octopusMerge(['o1', 'o2'], '2026-01-11T10:00:00+00:00');
  const afterOctopus = { ...afterClash, 10: 'line 10 o1', 12: 'line 12 o2', 14: 'line 14 main' };
  // An octopus whose merger also edits a line none of the three parents has.
  for (const [branch, line, day] of [['o3', 1, 12], ['o4', 7, 13]] as const) {
    repo.git(['checkout', '-q', '-b', branch, 'main']);
    repo.commit({ author: grace, date: `2026-01-${day}T10:00:00+00:00`, message: branch, files: { [page]: text({ ...afterOctopus, [line]: `line ${line} ${branch}` }) } });
  }
  repo.git(['checkout', '-q', 'main']);
  repo.commit({ author: ada, date: '2026-01-14T10:00:00+00:00', message: 'Main 11', files: { [page]: text({ ...afterOctopus, 11: 'line 11 main' }) } });
  evilOctopus = octopusMerge(['o3', 'o4'], '2026-01-15T10:00:00+00:00', text({ ...afterOctopus, 1: 'line 1 o3', 7: 'line 7 o4', 11: 'line 11 main', 4: 'line 4 merger' }));
});
afterAll(() => repo.remove());

/** `git merge` of two branches into main at once; with `edit`, the page is changed before the merge commit. */
function octopusMerge(branches: string[], date: string, edit?: string): string {
  const env = repo.env(linus, date);
  repo.git(['merge', '-q', '--no-ff', '--no-commit', ...branches], env);
  if (edit !== undefined) {
    repo.commit({ author: linus, date, message: `Merge ${branches.join(', ')}`, files: { [page]: edit } });
    return repo.git(['rev-parse', 'HEAD']).trim();
  }
  repo.git(['commit', '-q', '--no-edit', '-m', `Merge ${branches.join(', ')}`], env);
  return repo.git(['rev-parse', 'HEAD']).trim();
}

describe("wiki verify's git side at merges", () => {
  it('builds the merges the cases need, as git sees them', () => {
    expect(repo.git(['rev-list', '--parents', '-n', '1', octopus]).trim().split(' ')).toHaveLength(4);
    expect(repo.git(['rev-list', '--parents', '-n', '1', evilOctopus]).trim().split(' ')).toHaveLength(4);
    // Each of these prints a hunk, so a test for any hunk would count all four.
    for (const merge of [near, conflicted, octopus, evilOctopus]) expect(combined(merge)).toMatch(/^@@@/m);
    const own = (merge: string) => mergeOwnLines(repo.dir, merge, page);
    expect(own(near)).toEqual({ added: [], removed: [] });
    expect(own(octopus)).toEqual({ added: [], removed: [] });
    expect(own(conflicted)).toEqual({ added: ['line 9 both'], removed: [] });
    expect(own(evilOctopus)).toEqual({ added: ['line 4 merger'], removed: ['line 4'] });
  });

  it('counts a merge only where its combined diff has a line whose marks are all + or all -', () => {
    expect(combinedDiffHasOwnLine(combined(near))).toBe(false);
    expect(combinedDiffHasOwnLine(combined(octopus))).toBe(false);
    expect(combinedDiffHasOwnLine(combined(conflicted))).toBe(true);
    expect(combinedDiffHasOwnLine(combined(evilOctopus))).toBe(true);
  });

  it('lists the commits git counts for the page: git log --follow and the merges with lines of their own', async () => {
    const listed = (await gitPageLog(repo.dir, 'HEAD', page)).map((c) => c.commit);
    const revisions = gitRevisions(repo.dir, page);
    expect(listed).toContain(conflicted);
    expect(listed).toContain(evilOctopus);
    expect(listed).not.toContain(near);
    expect(listed).not.toContain(octopus);
    expect([...listed].sort()).toEqual([...revisions].sort());
  });

  it('agrees with the engine on every figure for these merges', () => {
    const result = wiki(repo.dir, ['verify', '--min-agreement', '100']);
    expect(result.stdout).toMatch(/commits agree.*100\.0%  \(1 of 1\)/);
    expect(result.status).toBe(0);
  });
});
