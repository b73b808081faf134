// Runs anywhere: carries each line's origin (the commit that last changed it) forward from the parents' versions, as `git blame` assigns it.
import { matchLines, type LineMatch } from './line-match.ts';

/** One version of a page as the walk holds it: its lines and, per line, the index of the commit that last changed it. */
export interface PageVersion {
  lines: readonly string[];
  origins: readonly number[];
}

export interface Carried {
  origins: number[];
  added: number;
  removed: number;
}

/**
 * Lines unchanged from a parent keep that parent's origin, trying parents in order like git blame
 * does at merges; every other line is the commit's own. Counts are against the first parent.
 */
export function carryOrigins(parents: readonly (PageVersion | undefined)[], newLines: readonly string[], commit: number): Carried {
  const origins = new Array<number>(newLines.length).fill(-1);
  let first: LineMatch | null = null;
  let unassigned = newLines.length;
  for (const parent of parents) {
    if (!parent || unassigned === 0) continue;
    const match = matchLines(parent.lines, newLines);
    first ??= match;
    for (let i = 0; i < newLines.length; i++) {
      const from = match.fromOld[i]!;
      if (from >= 0 && origins[i] === -1) {
        origins[i] = parent.origins[from]!;
        unassigned--;
      }
    }
  }
  for (let i = 0; i < origins.length; i++) if (origins[i] === -1) origins[i] = commit;
  const firstParent = parents[0];
  // The first parent, when it has the page, was matched first; an empty new text skips matching.
  const counts = firstParent ? (first ?? matchLines(firstParent.lines, newLines)) : { added: newLines.length, removed: 0 };
  return { origins, added: counts.added, removed: counts.removed };
}
