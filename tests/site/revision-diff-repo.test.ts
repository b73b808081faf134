// Tests, on a real repository with a rename and merges, that each revision's diff is drawn from the two texts the engine matched and shows its counts and credit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory, Revision } from '../../src/lib/history/types.ts';
import { diffRevision } from '../../src/lib/site/revision-diff.ts';
import { ada, gitBlame, grace, linus, TestRepo } from '../helpers/git-repo.ts';

const page = (name: string, n: number, changes: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => changes[i] ?? `${name}: line ${i + 1}`).join('\n') + '\n';

let repo: TestRepo;
const c: Record<string, string> = {};
let history: RepositoryHistory;

beforeAll(async () => {
  repo = TestRepo.create();
  c.base = repo.commit({
    author: ada,
    date: '2024-02-01T10:00:00+00:00',
    message: 'Base',
    files: { 'content/ops/steps.md': '## Steps\nnpm ci\n- two\n', 'content/ops/old.md': page('R', 6), 'content/ops/merged.md': page('M', 8) },
  });
  repo.git(['checkout', '-q', '-b', 'feature']);
  c.branch = repo.commit({
    author: grace,
    date: '2024-02-02T10:00:00+00:00',
    message: 'Feature: move the runbook, edit merged',
    files: { 'content/ops/guides/runbook.md': page('R', 6, { 2: 'R: line 3, edited while moving' }), 'content/ops/merged.md': page('M', 8, { 1: 'M: line 2 by Grace' }) },
    moves: [['content/ops/old.md', 'content/ops/guides/runbook.md']],
  });
  repo.git(['checkout', '-q', 'main']);
  c.main = repo.commit({
    author: linus,
    date: '2024-02-03T10:00:00+00:00',
    message: 'Main: edit merged',
    files: { 'content/ops/merged.md': page('M', 8, { 6: 'M: line 7 by Linus' }) },
  });
  c.merge = repo.merge('feature', { author: ada, date: '2024-02-04T10:00:00+00:00' });
  // The display (the diff package's diffLines) and the credit (xdiff's change compaction) once marked different lines here.
  c.last = repo.commit({
    author: grace,
    date: '2024-02-05T10:00:00+00:00',
    message: 'More steps',
    files: { 'content/ops/steps.md': '## Steps\nnpm ci\n\n- two\n## Steps\n- two\n' },
  });
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
});

afterAll(() => repo.remove());

const text = (blob: string) => repo.git(['cat-file', 'blob', blob]);
const diffOf = (r: Revision) => diffRevision(r.parentBlob === null ? null : text(r.parentBlob), text(r.blob), { context: 0, maxLines: Infinity });
const addedLines = (r: Revision) => diffOf(r).hunks.flatMap((h) => h.lines.filter((l) => l.kind === 'added').map((l) => l.newLine!));

describe('the diff of a revision in a real repository', () => {
  it('is drawn from the first parent\'s version of the page, across renames and merges', () => {
    const revisions = Object.values(history.pages).flatMap((p) => p.revisions);
    expect(revisions.length).toBeGreaterThanOrEqual(6);
    for (const r of revisions) {
      const before = r.previousPath ?? r.path;
      const parentBlob = r.commit === c.base ? null : repo.git(['rev-parse', `${r.commit}^1:${before}`]).trim();
      expect({ commit: r.commit, path: r.path, parentBlob: r.parentBlob }).toEqual({ commit: r.commit, path: r.path, parentBlob });
    }
    const moved = history.pages['content/ops/guides/runbook.md']!.revisions.find((r) => r.commit === c.branch)!;
    expect(moved.previousPath).toBe('content/ops/old.md');
    // The merge only combined both sides (git show --cc has no line of its own): no revision, so no diff of its own.
    expect(repo.git(['show', '--cc', '--format=', c.merge!, '--', 'content/ops/merged.md'])).toBe('');
    expect(history.pages['content/ops/merged.md']!.revisions.map((r) => r.commit)).not.toContain(c.merge);
  });

  it('shows the +/- counts the engine gave every revision', () => {
    for (const r of Object.values(history.pages).flatMap((p) => p.revisions)) {
      const diff = diffOf(r);
      expect({ commit: r.commit, path: r.path, added: diff.added, removed: diff.removed }).toEqual({ commit: r.commit, path: r.path, added: r.added, removed: r.removed });
    }
  });

  it('marks as added the lines the engine and git blame credit to the commit', () => {
    const steps = history.pages['content/ops/steps.md']!;
    const last = steps.revisions.find((r) => r.commit === c.last)!;
    const credited = steps.lineCommits.flatMap((commit, i) => (commit === c.last ? [i + 1] : []));
    const blamed = gitBlame(repo.dir, 'content/ops/steps.md').flatMap((b, i) => (b.commit === c.last ? [i + 1] : []));
    expect(credited).toEqual([3, 4, 5]);
    expect(blamed).toEqual(credited);
    expect(addedLines(last)).toEqual(credited);
  });
});
