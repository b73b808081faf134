// Runs anywhere: the one line matcher: splits page text into lines as git does and matches the lines of two versions (git's own diff, ported from its xdiff). The engine's credit and +/- counts and the history page's diff all read its answer.
import { xdiff, type XdiffOptions } from './xdiff/diff.ts';

/**
 * Each line keeps its "\n", as git's xdiff keeps it in a record: a final line without one is a
 * different line from the same text with one ("\ No newline at end of file"), and a "\r\n" line
 * differs from its "\n" twin. Whoever shows a line drops the newline with `lineText`.
 */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const next = end === -1 ? text.length : end + 1;
    lines.push(text.slice(start, next));
    start = next;
  }
  return lines;
}

/** A line as a reader sees it: without its "\n" (a "\r" before it stays, as it is part of the line to git). */
export const lineText = (line: string): string => (line.endsWith('\n') ? line.slice(0, -1) : line);

/** How the lines of two versions pair up; both mappings are increasing where they are not -1. */
export interface LineMatch {
  /** For each new line, the index of the old line it is unchanged from, or -1 when it is new. */
  fromOld: Int32Array;
  /** For each old line, the index of the new line it survives as, or -1 when it was removed. */
  toNew: Int32Array;
  added: number;
  removed: number;
}

/**
 * The one matching of two versions' lines, git's default diff (xdiff's Myers with its cost limits, change
 * compaction and indent heuristic, as `git blame` and `git diff` run it): blame carries origins through
 * `fromOld`, the +/- counts are `added`/`removed`, and the history page's diff is laid out from both mappings.
 * `options` are git's switches, for tests that ask git with the same ones.
 */
export function matchLines(oldLines: readonly string[], newLines: readonly string[], options?: XdiffOptions): LineMatch {
  const fromOld = new Int32Array(newLines.length).fill(-1);
  const toNew = new Int32Array(oldLines.length).fill(-1);
  if (sameLines(oldLines, newLines)) {
    for (let i = 0; i < newLines.length; i++) fromOld[i] = toNew[i] = i;
    return { fromOld, toNew, added: 0, removed: 0 };
  }
  const [f1, f2] = xdiff(oldLines, newLines, options);
  // Unchanged lines pair up in order; past the records diffed (the common tail git dropped) all are unchanged.
  let o = 0;
  let added = 0;
  let removed = 0;
  for (let n = 0; n < newLines.length; n++) {
    if (f2.changed[n + 1] === 1) {
      added++;
      continue;
    }
    while (f1.changed[o + 1] === 1) {
      removed++;
      o++;
    }
    fromOld[n] = o;
    toNew[o++] = n;
  }
  for (; o < oldLines.length; o++) if (f1.changed[o + 1] === 1) removed++;
  return { fromOld, toNew, added, removed };
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
