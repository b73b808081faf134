// Tests, on a real repository with a conflicted, an evil and an octopus merge, that a merge revision's diff is the combined diff `git show --cc` prints, and that its own lines are what the engine credits.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobReader } from '../../src/integration/revision-texts-fs.ts';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory, Revision } from '../../src/lib/history/types.ts';
import { diffMerge, type CombinedDiff } from '../../src/lib/site/merge-diff.ts';
import { ada, grace, linus, TestRepo } from '../helpers/git-repo.ts';

const page = (name: string, n: number, changes: Record<number, string | null> = {}, extra: string[] = []) =>
  [...Array.from({ length: n }, (_, i) => (i in changes ? changes[i] : `${name}: line ${i + 1}`)).filter((l): l is string => l !== null), ...extra].join('\n') + '\n';

let repo: TestRepo;
const c: Record<string, string> = {};
let history: RepositoryHistory;

/** Commits a merge whose result is `files`, whatever git merged: an evil merge, or a resolved conflict. */
function mergeAs(branches: string[], files: Record<string, string>, date: string): string {
  const env = repo.env(ada, date);
  try {
    repo.git(['merge', '-q', '--no-ff', '--no-commit', ...branches], env);
  } catch {
    // A conflict: the files below resolve it.
  }
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(repo.dir, file), text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-edit', '-m', `Merge ${branches.join(', ')}`], env);
  return repo.git(['rev-parse', 'HEAD']).trim();
}

beforeAll(async () => {
  repo = TestRepo.create('wiki-merge-diff-');
  c.base = repo.commit({
    author: ada,
    date: '2024-03-01T10:00:00+00:00',
    message: 'Base',
    files: { 'content/ops/conflict.md': page('C', 12), 'content/ops/evil.md': page('E', 12), 'content/ops/picked.md': page('P', 6), 'content/ops/octopus.md': page('O', 12) },
  });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit({
    author: grace,
    date: '2024-03-02T10:00:00+00:00',
    message: 'Feature side',
    files: {
      'content/ops/conflict.md': page('C', 12, { 2: 'C: line 3 as Grace wrote it', 9: 'C: line 10 by Grace' }),
      'content/ops/evil.md': page('E', 12, { 10: 'E: line 11 by Grace' }),
      'content/ops/picked.md': page('P', 6, { 1: 'P: line 2 by Grace' }),
    },
  });
  repo.git(['checkout', '-q', 'main']);
  repo.commit({
    author: linus,
    date: '2024-03-03T10:00:00+00:00',
    message: 'Main side',
    files: {
      'content/ops/conflict.md': page('C', 12, { 2: 'C: line 3 as Linus wrote it' }),
      'content/ops/evil.md': page('E', 12, { 0: 'E: line 1 by Linus' }),
      'content/ops/picked.md': page('P', 6, { 1: 'P: line 2 by Linus' }),
    },
  });
  c.merge = mergeAs(['feature'], {
    // The conflict resolved by a line of the merger's own, Grace's clean change kept.
    'content/ops/conflict.md': page('C', 12, { 2: 'C: line 3 as Ada settled it', 9: 'C: line 10 by Grace' }),
    // Both sides' changes, plus a line no side wrote and a line both sides had dropped: an evil merge.
    'content/ops/evil.md': page('E', 12, { 0: 'E: line 1 by Linus', 5: null, 7: 'E: line 8 changed in the merge', 10: 'E: line 11 by Grace' }),
    // The conflict resolved by taking Linus's side: nothing of the merge's own.
    'content/ops/picked.md': page('P', 6, { 1: 'P: line 2 by Linus' }),
  }, '2024-03-04T10:00:00+00:00');
  for (const [branch, author, line] of [['one', grace, 3], ['two', linus, 9]] as const) {
    repo.git(['checkout', '-q', '-b', branch, 'main']);
    repo.commit({ author, date: '2024-03-05T10:00:00+00:00', message: `Octopus ${branch}`, files: { 'content/ops/octopus.md': page('O', 12, { [line]: `O: line ${line + 1} on ${branch}` }) } });
  }
  repo.git(['checkout', '-q', 'main']);
  c.octopus = mergeAs(['one', 'two'], { 'content/ops/octopus.md': page('O', 12, { 3: 'O: line 4 on one', 6: 'O: line 7 by the merge', 9: 'O: line 10 on two' }) }, '2024-03-06T10:00:00+00:00');
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
});

afterAll(() => repo?.remove());

const text = (blob: string) => repo.git(['cat-file', 'blob', blob]);
const mergeOf = (file: string, commit: string): Revision | undefined => history.pages[file]!.revisions.find((r) => r.commit === commit);

/** Every row of the merge's combined diff as `git show --cc` prints it: marks, text, and the result's line number (or, for a removed line, the next one's). */
function gitRows(merge: string, file: string): { own: string[]; rows: string[] } {
  const parents = repo.git(['rev-list', '--parents', '-n', '1', merge]).trim().split(' ').length - 1;
  const out = repo.git(['show', '--cc', '--format=', merge, '--', file]);
  const rows: string[] = [];
  const own: string[] = [];
  let next = 0;
  for (const line of out.split('\n')) {
    const header = line.match(/^@+ .* \+(\d+)(?:,\d+)? @+/);
    if (header) next = Number(header[1]);
    else if (next === 0 || line.length < parents) continue;
    else {
      const marks = line.slice(0, parents);
      const lineText = line.slice(parents);
      const kept = !marks.includes('-');
      const row = `${kept ? '' : '<'}${next}|${marks}|${lineText}`;
      rows.push(row);
      if (marks === '+'.repeat(parents) || marks === '-'.repeat(parents)) own.push(row);
      if (kept) next++;
    }
  }
  return { own, rows };
}

/** The same rows from the engine's texts, laid out by the site's combined diff (all of it, to look any row up). */
function ourRows(diff: CombinedDiff): { own: string[]; rows: Set<string> } {
  const lines = diff.hunks.flatMap((h) => h.lines);
  const rows: string[] = [];
  let next = 1;
  for (const line of lines) {
    const marks = line.marks.join('');
    if (line.newLine !== undefined) next = line.newLine;
    rows.push(`${line.newLine === undefined ? '<' : ''}${next}|${marks}|${line.text}`);
    if (line.newLine !== undefined) next++;
  }
  const own = lines.flatMap((l, i) => (l.kind === 'own' || l.kind === 'ownRemoved' ? [rows[i]!] : []));
  return { own, rows: new Set(rows) };
}

async function combinedOf(revision: Revision, context = 3): Promise<CombinedDiff> {
  const reader = blobReader(`${repo.dir}/.git`);
  try {
    const parents = (await reader.mergeParents(revision.commit, [revision.path]))!;
    const versions = parents.map((p, i) => (i === 0 ? revision.parentBlob : p.blob)).map((b) => (b === null ? null : text(b)));
    return diffMerge(versions, text(revision.blob), { context, maxLines: Infinity });
  } finally {
    reader.close();
  }
}

describe("a merge revision's combined diff", () => {
  const cases = [
    ['a resolved conflict', 'content/ops/conflict.md', 'merge'],
    ['an evil merge', 'content/ops/evil.md', 'merge'],
    ['an octopus merge with a line of its own', 'content/ops/octopus.md', 'octopus'],
  ] as const;

  it.each(cases)('%s: marks as the merge\'s own the lines git show --cc marks in every column', async (_, file, which) => {
    const revision = mergeOf(file, c[which]!)!;
    expect(revision).toMatchObject({ merge: true });
    const git = gitRows(c[which]!, file);
    const ours = ourRows(await combinedOf(revision));
    expect(git.own.length).toBeGreaterThan(0);
    expect(git.rows.length).toBeGreaterThan(git.own.length);
    expect(ours.own).toEqual(git.own);
    // Every line git shows around them has the same marks here (the whole diff laid out, so hunk edges do not matter).
    const all = ourRows(await combinedOf(revision, 1e6)).rows;
    expect(git.rows.filter((row) => !all.has(row))).toEqual([]);
  });

  it.each(cases)('%s: shows as many own lines as the engine credits the merge with', async (_, file, which) => {
    const revision = mergeOf(file, c[which]!)!;
    const diff = await combinedOf(revision);
    expect({ added: diff.own, removed: diff.ownRemoved }).toEqual({ added: revision.added, removed: revision.removed });
    expect(diff.parents).toBe(which === 'octopus' ? 3 : 2);
  });

  it("reads each parent's version of the page as git names it", async () => {
    const revision = mergeOf('content/ops/evil.md', c.merge!)!;
    const reader = blobReader(`${repo.dir}/.git`);
    const parents = await reader.mergeParents(c.merge!, ['content/ops/missing.md', revision.path]);
    reader.close();
    const expected = [1, 2].map((n) => ({ commit: repo.git(['rev-parse', `${c.merge}^${n}`]).trim(), blob: repo.git(['rev-parse', `${c.merge}^${n}:content/ops/evil.md`]).trim() }));
    expect(parents).toEqual(expected);
    expect(revision.parentBlob).toBe(expected[0]!.blob);
  });

  it('has no revision, so no diff, where the merge took one side (git show --cc shows nothing)', () => {
    expect(repo.git(['show', '--cc', '--format=', c.merge!, '--', 'content/ops/picked.md'])).toBe('');
    expect(mergeOf('content/ops/picked.md', c.merge!)).toBeUndefined();
  });

  it('shows only the hunks around the merge\'s own lines', async () => {
    const diff = await combinedOf(mergeOf('content/ops/conflict.md', c.merge!)!);
    // Grace's clean change to line 10 is more than 3 lines from the resolution: not shown.
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0]!.lines.map((l) => [l.kind, l.marks.join(''), l.text])).toEqual([
      ['context', '  ', 'C: line 1'],
      ['context', '  ', 'C: line 2'],
      ['sideRemoved', '- ', 'C: line 3 as Linus wrote it'],
      ['sideRemoved', ' -', 'C: line 3 as Grace wrote it'],
      ['own', '++', 'C: line 3 as Ada settled it'],
      ['context', '  ', 'C: line 4'],
      ['context', '  ', 'C: line 5'],
      ['context', '  ', 'C: line 6'],
    ]);
    expect(diff.hunks[0]!.skipped).toBe(0);
    expect(diff.skippedAfter).toBe(6);
  });
});
