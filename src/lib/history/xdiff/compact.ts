// Runs anywhere: xdiff's change compaction (xdiffi.c xdl_change_compact): slides each group of changed lines to where git shows it.
//
// Hand-written (see prepare.ts). A group that can slide is merged with groups it meets, then lined up with
// a change on the other side if it can be, else placed by the indent heuristic (or as low as it goes).
import { addSplitScore, compareScores, IndentedLines, type SplitScore } from './indent.ts';
import type { XdFile } from './prepare.ts';

/** INDENT_HEURISTIC_MAX_SLIDING: how far up the heuristic looks. */
const MAX_SLIDING = 100;

/** A run of changed records, start..end-1 (empty when equal: the place above record `start`). */
interface Group {
  start: number;
  end: number;
}

/** `changed` is offset by one: record i is at i + 1, with zero slots on both ends. */
const isChanged = (f: XdFile, i: number) => f.changed[i + 1] === 1;

function firstGroup(f: XdFile): Group {
  const g = { start: 0, end: 0 };
  while (isChanged(f, g.end)) g.end++;
  return g;
}

function nextGroup(f: XdFile, g: Group): boolean {
  if (g.end === f.nrec) return false;
  g.start = g.end + 1;
  g.end = g.start;
  while (isChanged(f, g.end)) g.end++;
  return true;
}

function previousGroup(f: XdFile, g: Group): boolean {
  if (g.start === 0) return false;
  g.end = g.start - 1;
  g.start = g.end;
  while (isChanged(f, g.start - 1)) g.start--;
  return true;
}

function slideDown(f: XdFile, g: Group): boolean {
  if (g.end >= f.nrec || f.lines[g.start] !== f.lines[g.end]) return false;
  f.changed[g.start++ + 1] = 0;
  f.changed[g.end++ + 1] = 1;
  while (isChanged(f, g.end)) g.end++;
  return true;
}

function slideUp(f: XdFile, g: Group): boolean {
  if (g.start <= 0 || f.lines[g.start - 1] !== f.lines[g.end - 1]) return false;
  f.changed[--g.start + 1] = 1;
  f.changed[--g.end + 1] = 0;
  while (isChanged(f, g.start - 1)) g.start--;
  return true;
}

/** Walks the groups of `f`, keeping the matching group of `other` in step (git's group sync). */
export function compactChanges(f: XdFile, other: XdFile, indentHeuristic: boolean): void {
  const g = firstGroup(f);
  const go = firstGroup(other);
  let indents: IndentedLines | undefined;
  for (;;) {
    if (g.end !== g.start) {
      let size: number;
      let earliestEnd: number;
      let endMatchingOther: number;
      do {
        size = g.end - g.start;
        endMatchingOther = -1;
        while (slideUp(f, g)) previousGroup(other, go);
        earliestEnd = g.end;
        if (go.end > go.start) endMatchingOther = g.end;
        while (slideDown(f, g)) {
          nextGroup(other, go);
          if (go.end > go.start) endMatchingOther = g.end;
        }
      } while (size !== g.end - g.start);

      if (g.end === earliestEnd) {
        // It cannot slide.
      } else if (endMatchingOther !== -1) {
        while (go.end === go.start) {
          slideUp(f, g);
          previousGroup(other, go);
        }
      } else if (indentHeuristic) {
        indents ??= new IndentedLines(f.lines, f.nrec);
        let shift = Math.max(earliestEnd, g.end - size - 1, g.end - MAX_SLIDING);
        let bestShift = -1;
        let best: SplitScore = { effectiveIndent: 0, penalty: 0 };
        for (; shift <= g.end; shift++) {
          const score: SplitScore = { effectiveIndent: 0, penalty: 0 };
          addSplitScore(indents, shift, score);
          addSplitScore(indents, shift - size, score);
          if (bestShift === -1 || compareScores(score, best) <= 0) {
            best = score;
            bestShift = shift;
          }
        }
        while (g.end > bestShift) {
          slideUp(f, g);
          previousGroup(other, go);
        }
      }
    }
    if (!nextGroup(f, g)) break;
    nextGroup(other, go);
  }
}
