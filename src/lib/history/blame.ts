// Runs anywhere: carries each line's origin (the commit that last changed it) forward from the parents' versions, as `git blame` assigns it.
import { matchLines, type LineMatch } from './line-match.ts';
import type { Marks, MoveMark } from './move-marks.ts';

/** One version of a page as the walk holds it: its lines and, per line, the index of the commit that last changed it. */
export interface PageVersion {
  lines: readonly string[];
  origins: readonly number[];
  /** Per line, the move that gave it its origin (move-marks.ts); absent when no line of the version was moved. */
  marks?: Marks | undefined;
}

export interface Carried {
  origins: number[];
  marks?: (MoveMark | null)[] | undefined;
  /** Against the first parent. */
  added: number;
  removed: number;
  /** Lines that come from no parent: the commit's own (at a merge, the `++` lines of `git log --cc`). */
  own: number;
  /** Lines every parent had and the commit dropped (at a merge, the `--` lines of `git log --cc`). */
  ownRemoved: number;
}

/**
 * Lines unchanged from a parent keep that parent's origin, trying parents in order like git blame
 * does at merges; every other line is the commit's own. Counts are against the first parent.
 * Own lines the commit moved or copied from its parents' text are credited afterwards (moved-text.ts).
 */
export function carryOrigins(parents: readonly (PageVersion | undefined)[], newLines: readonly string[], commit: number): Carried {
  const origins = new Array<number>(newLines.length).fill(-1);
  let marks: (MoveMark | null)[] | undefined;
  const matches: (LineMatch | undefined)[] = [];
  let unassigned = newLines.length;
  const isMerge = parents.length > 1;
  for (const parent of parents) {
    // At a merge every parent is matched: what the merge dropped is known only from all of them.
    if (!parent || (unassigned === 0 && !isMerge)) {
      matches.push(undefined);
      continue;
    }
    const match = matchLines(parent.lines, newLines);
    matches.push(match);
    for (let i = 0; i < newLines.length; i++) {
      const from = match.fromOld[i]!;
      if (from >= 0 && origins[i] === -1) {
        origins[i] = parent.origins[from]!;
        const mark = parent.marks?.[from];
        if (mark) (marks ??= new Array<MoveMark | null>(newLines.length).fill(null))[i] = mark;
        unassigned--;
      }
    }
  }
  for (let i = 0; i < origins.length; i++) if (origins[i] === -1) origins[i] = commit;
  const firstParent = parents[0];
  // The first parent, when it has the page, was matched first; an empty new text skips matching.
  const counts = firstParent ? (matches[0] ?? matchLines(firstParent.lines, newLines)) : { added: newLines.length, removed: 0 };
  const ownRemoved = isMerge ? droppedByAll(parents, matches) : counts.removed;
  return { origins, marks, added: counts.added, removed: counts.removed, own: unassigned, ownRemoved };
}

/**
 * Lines of every parent that the merge did not keep from any of them: the same text removed against
 * each parent that has the page at the same place of the merge's text (git's combined diff joins lost
 * lines by where they were lost). A line only one side had, or one each side lost elsewhere, was that side's change.
 */
function droppedByAll(parents: readonly (PageVersion | undefined)[], matches: readonly (LineMatch | undefined)[]): number {
  let common: Map<string, number> | null = null;
  for (let p = 0; p < parents.length; p++) {
    const parent = parents[p];
    const match = matches[p];
    // A parent without the page kept none of its lines.
    if (!parent || !match) continue;
    const removed = new Map<string, number>();
    // The merge's line after which the parent's next removed line was lost.
    let point = 0;
    for (let k = 0; k < parent.lines.length; k++) {
      const to = match.toNew[k]!;
      if (to !== -1) {
        point = to + 1;
        continue;
      }
      const key = `${point}\n${parent.lines[k]}`;
      removed.set(key, (removed.get(key) ?? 0) + 1);
    }
    if (common) for (const [key, n] of common) common.set(key, Math.min(n, removed.get(key) ?? 0));
    else common = removed;
  }
  let total = 0;
  for (const n of common?.values() ?? []) total += n;
  return total;
}
