// Runs anywhere: the one line matcher: splits page text into lines as git does and matches the lines of two versions (a minimal diff, like git's). The engine's credit and +/- counts and the history page's diff all read its answer.
import { diffArrays } from 'diff';

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
 * The one matching of two versions' lines: blame carries origins through `fromOld`, the +/- counts are
 * `added`/`removed`, and the history page's diff is laid out from both mappings. Callers read only this
 * answer, so a port of git's xdiff (with its indent heuristic) can replace the body alone.
 */
export function matchLines(oldLines: readonly string[], newLines: readonly string[]): LineMatch {
  const fromOld = new Int32Array(newLines.length).fill(-1);
  let start = 0;
  const shortest = Math.min(oldLines.length, newLines.length);
  while (start < shortest && oldLines[start] === newLines[start]) fromOld[start] = start++;
  let oldEnd = oldLines.length;
  let newEnd = newLines.length;
  while (oldEnd > start && newEnd > start && oldLines[oldEnd - 1] === newLines[newEnd - 1]) fromOld[--newEnd] = --oldEnd;
  let added = 0;
  let removed = 0;
  if (start === oldEnd || start === newEnd) {
    return compact(oldLines, newLines, fromOld, newEnd - start, oldEnd - start);
  }
  let o = start;
  let n = start;
  for (const part of diffArrays(oldLines.slice(start, oldEnd), newLines.slice(start, newEnd))) {
    const count = part.count ?? part.value.length;
    if (part.added) {
      n += count;
      added += count;
    } else if (part.removed) {
      o += count;
      removed += count;
    } else {
      for (let k = 0; k < count; k++) fromOld[n++] = o++;
    }
  }
  return compact(oldLines, newLines, fromOld, added, removed);
}

/**
 * Where a change could sit in several places (an added paragraph and its blank line), git's xdiff
 * moves it (xdl_change_compact): as far down as it slides, unless some position lines it up with
 * a change on the other side, which then wins. Blame depends on that choice, so it is repeated here
 * for both sides before unchanged lines are paired again.
 */
function compact(oldLines: readonly string[], newLines: readonly string[], fromOld: Int32Array, added: number, removed: number): LineMatch {
  if (added === 0 && removed === 0) return withToNew(oldLines.length, fromOld, added, removed);
  const oldSide: Side = { lines: oldLines, changed: new Uint8Array(oldLines.length + 1).fill(1) };
  const newSide: Side = { lines: newLines, changed: new Uint8Array(newLines.length + 1) };
  oldSide.changed[oldLines.length] = 0;
  for (let i = 0; i < newLines.length; i++) {
    if (fromOld[i] === -1) newSide.changed[i] = 1;
    else oldSide.changed[fromOld[i]!] = 0;
  }
  compactSide(oldSide, newSide);
  compactSide(newSide, oldSide);
  let o = 0;
  for (let n = 0; n < newLines.length; n++) {
    if (newSide.changed[n]) {
      fromOld[n] = -1;
      continue;
    }
    while (oldSide.changed[o]) o++;
    fromOld[n] = o++;
  }
  return withToNew(oldLines.length, fromOld, added, removed);
}

function withToNew(oldCount: number, fromOld: Int32Array, added: number, removed: number): LineMatch {
  const toNew = new Int32Array(oldCount).fill(-1);
  fromOld.forEach((o, n) => {
    if (o >= 0) toNew[o] = n;
  });
  return { fromOld, toNew, added, removed };
}

/** One file's lines and which of them changed; `changed` has a zero sentinel after the last line. */
interface Side {
  lines: readonly string[];
  changed: Uint8Array;
}

interface Group {
  start: number;
  end: number;
}

function groupAt(side: Side, start: number): Group {
  let end = start;
  while (side.changed[end]) end++;
  return { start, end };
}

function nextGroup(side: Side, g: Group): boolean {
  if (g.end >= side.lines.length) return false;
  g.start = g.end + 1;
  g.end = g.start;
  while (side.changed[g.end]) g.end++;
  return true;
}

function previousGroup(side: Side, g: Group): boolean {
  if (g.start === 0) return false;
  g.end = g.start - 1;
  g.start = g.end;
  while (g.start > 0 && side.changed[g.start - 1]) g.start--;
  return true;
}

function slideDown(side: Side, g: Group): boolean {
  if (g.end >= side.lines.length || side.lines[g.start] !== side.lines[g.end]) return false;
  side.changed[g.start++] = 0;
  side.changed[g.end++] = 1;
  while (side.changed[g.end]) g.end++;
  return true;
}

function slideUp(side: Side, g: Group): boolean {
  if (g.start === 0 || side.lines[g.start - 1] !== side.lines[g.end - 1]) return false;
  side.changed[--g.start] = 1;
  side.changed[--g.end] = 0;
  while (g.start > 0 && side.changed[g.start - 1]) g.start--;
  return true;
}

/** xdiff's xdl_change_compact without the indent heuristic, walking the groups of both sides in step. */
function compactSide(side: Side, other: Side): void {
  const g = groupAt(side, 0);
  const go = groupAt(other, 0);
  for (;;) {
    if (g.end !== g.start) {
      let size: number;
      let earliestEnd: number;
      let endMatchingOther: number;
      do {
        size = g.end - g.start;
        endMatchingOther = -1;
        while (slideUp(side, g)) previousGroup(other, go);
        earliestEnd = g.end;
        if (go.end > go.start) endMatchingOther = g.end;
        while (slideDown(side, g)) {
          nextGroup(other, go);
          if (go.end > go.start) endMatchingOther = g.end;
        }
      } while (size !== g.end - g.start);
      if (g.end !== earliestEnd && endMatchingOther !== -1) {
        while (go.end === go.start) {
          slideUp(side, g);
          previousGroup(other, go);
        }
      }
    }
    if (!nextGroup(side, g)) break;
    nextGroup(other, go);
  }
}
