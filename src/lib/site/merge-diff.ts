// Runs anywhere: a merge's own changes to a page as a combined diff (`git show --cc`): one mark per parent, only the hunks holding lines the merge wrote itself.
import { lineText, matchLines, splitLines, type LineMatch } from '../history/line-match.ts';
import { hunksOf, type Hunk } from './diff-hunks.ts';
import type { DiffOptions } from './revision-diff.ts';

/** Against one parent: `+` not in that parent, `-` in that parent and gone from the merge, ' ' as that parent has it. */
export type ParentMark = '+' | '-' | ' ';

/**
 * - `own`: the merge wrote it: in no parent (`++`);
 * - `ownRemoved`: every parent that has the page had it and the merge dropped it (`--`);
 * - `side`: a line some parents have and others not, i.e. one side's change the merge took;
 * - `sideRemoved`: a line some parents had and the merge took another side's version without it;
 * - `context`: as every parent has it.
 */
export type CombinedKind = 'own' | 'ownRemoved' | 'side' | 'sideRemoved' | 'context';

export interface CombinedLine {
  kind: CombinedKind;
  /** One mark per parent, in the merge's parent order. */
  marks: ParentMark[];
  /** 1-based line number in the merge's result; unset on removed lines. */
  newLine?: number;
  text: string;
}

export interface CombinedDiff {
  combined: true;
  /** How many parents the columns stand for. */
  parents: number;
  hunks: Hunk<CombinedLine>[];
  /** Lines of the result left out after the last hunk. */
  skippedAfter: number;
  /** The merge's own lines (the engine's added count of a merge revision). */
  own: number;
  /** Lines dropped from every parent (the engine's removed count of a merge revision). */
  ownRemoved: number;
  truncated: boolean;
  chars: number;
}

interface Lost {
  line: string;
  /** The parents that had the line here. */
  from: Set<number>;
}

/**
 * Adds parent `p`'s run of lost lines to the lines other parents lost at the same place: a line they share (matched by
 * the one line matcher) is one lost line of several parents, as git's combined diff joins them.
 */
function joinLost(bucket: Lost[], lines: readonly string[], p: number): Lost[] {
  if (bucket.length === 0) return lines.map((line) => ({ line, from: new Set([p]) }));
  const match = matchLines(bucket.map((b) => b.line), lines);
  const out: Lost[] = [];
  let i = 0;
  let waiting: Lost[] = [];
  for (let j = 0; j < lines.length; j++) {
    const at = match.fromOld[j]!;
    if (at === -1) {
      waiting.push({ line: lines[j]!, from: new Set([p]) });
      continue;
    }
    out.push(...bucket.slice(i, at), ...waiting);
    waiting = [];
    bucket[at]!.from.add(p);
    out.push(bucket[at]!);
    i = at + 1;
  }
  out.push(...bucket.slice(i), ...waiting);
  return out;
}

/** Every line of the combined diff in order: the lines parents lost at a place come before the result's line there. */
function combinedLines(parents: readonly (string | null)[], after: string): CombinedLine[] {
  const newLines = splitLines(after);
  const versions = parents.map((text) => (text === null ? null : splitLines(text)));
  const matches: (LineMatch | null)[] = versions.map((lines) => (lines === null ? null : matchLines(lines, newLines)));
  const lost: Lost[][] = Array.from({ length: newLines.length + 1 }, () => []);
  versions.forEach((lines, p) => {
    if (!lines) return;
    const toNew = matches[p]!.toNew;
    let at = 0;
    let run: string[] = [];
    for (let k = 0; k <= lines.length; k++) {
      if (k < lines.length && toNew[k] === -1) {
        run.push(lines[k]!);
        continue;
      }
      // A removal sits before the lines added in its place, as in a unified diff.
      if (run.length > 0) lost[at] = joinLost(lost[at]!, run, p);
      run = [];
      if (k < lines.length) at = toNew[k]! + 1;
    }
  });
  const having = versions.flatMap((lines, p) => (lines ? [p] : []));
  const out: CombinedLine[] = [];
  for (let n = 0; n <= newLines.length; n++) {
    for (const l of lost[n]!) {
      const marks = parents.map((_, p): ParentMark => (l.from.has(p) ? '-' : ' '));
      out.push({ kind: having.every((p) => l.from.has(p)) ? 'ownRemoved' : 'sideRemoved', marks, text: lineText(l.line) });
    }
    if (n === newLines.length) break;
    const marks = matches.map((m): ParentMark => (m === null || m.fromOld[n] === -1 ? '+' : ' '));
    const kind = marks.every((m) => m === '+') ? 'own' : marks.every((m) => m === ' ') ? 'context' : 'side';
    out.push({ kind, marks, newLine: n + 1, text: lineText(newLines[n]!) });
  }
  return out;
}

/**
 * The merge's diff against each of its parents' versions of the page (null where a parent has none), shown only
 * around the lines the merge wrote or dropped itself: the lines the engine credits to the merge. A merge that only
 * combined its sides has no hunk (and is no revision). Removed lines of several parents are joined by text, as git
 * joins them; the engine counts a dropped line by its text and origin, which agrees but for repeated lines.
 */
export function diffMerge(parents: readonly (string | null)[], after: string, options: DiffOptions = {}): CombinedDiff {
  const lines = combinedLines(parents, after);
  const cut = hunksOf(lines, {
    shows: (line) => line.kind === 'own' || line.kind === 'ownRemoved',
    length: (line) => line.text.length,
    counts: (line) => line.newLine !== undefined,
    context: options.context ?? 3,
    maxLines: options.maxLines ?? 1500,
    maxChars: options.maxChars ?? Infinity,
  });
  return {
    combined: true,
    parents: parents.length,
    ...cut,
    own: lines.filter((l) => l.kind === 'own').length,
    ownRemoved: lines.filter((l) => l.kind === 'ownRemoved').length,
  };
}
