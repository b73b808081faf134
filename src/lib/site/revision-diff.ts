// Runs anywhere: the diff a revision made to a page, line by line with the changed words marked, context collapsed.
import { diffWordsWithSpace } from 'diff';
import { lineText, matchLines, splitLines } from '../history/line-match.ts';
import { hunksOf, type Hunk } from './diff-hunks.ts';

export interface DiffSegment {
  text: string;
  /** Set on the words this line gained or lost; unset on the words both sides share. */
  changed?: true;
}

export interface DiffLine {
  kind: 'context' | 'added' | 'removed';
  /** 1-based line number before the revision (context and removed lines). */
  oldLine?: number;
  /** 1-based line number after the revision (context and added lines). */
  newLine?: number;
  segments: DiffSegment[];
}

/** `skipped`: unchanged lines left out before this hunk. */
export type DiffHunk = Hunk<DiffLine>;

export interface RevisionDiff {
  hunks: DiffHunk[];
  /** Unchanged lines left out after the last hunk. */
  skippedAfter: number;
  added: number;
  removed: number;
  /** True when the diff was cut at `maxLines` lines or `maxChars` characters. */
  truncated: boolean;
  /** Characters of text shown. */
  chars: number;
}

export interface DiffOptions {
  /** Unchanged lines shown around each change. */
  context?: number;
  /** Most lines shown; a page rewritten wholesale would otherwise make its history page huge. */
  maxLines?: number;
  /** Most characters of text shown (one very long line can weigh as much as hundreds). */
  maxChars?: number;
}

/**
 * Word highlights only help when a line was edited, not replaced: when less than this share of the shorter
 * line's characters is kept, the pair is shown as a plain removal and addition.
 */
const MIN_SHARED = 0.5;

/** Counts per UTF-16 code unit, reset after each use: the characters two lines have in common, without a diff. */
const counts = new Int32Array(65536);

/** How many characters `a` and `b` share as multisets: no diff of them keeps more characters in common. */
function commonCharacters(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)]!++;
  let common = 0;
  for (let i = 0; i < b.length; i++) if (counts[b.charCodeAt(i)]!-- > 0) common++;
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)] = 0;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i)] = 0;
  return common;
}

function pairSegments(before: string, after: string): { before: DiffSegment[]; after: DiffSegment[] } | undefined {
  // The word diff keeps at most the characters both lines have: when even those are too few, the pair is a replacement
  // whatever the diff says, so it is not run (the rule below gives the same answer; this only skips the work).
  const limit = MIN_SHARED * Math.min(before.trim().length, after.trim().length);
  const most = commonCharacters(before, after);
  if (most === 0 || most < limit) return undefined;
  const parts = diffWordsWithSpace(before, after);
  const shared = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.trim().length, 0);
  if (shared === 0 || shared < limit) return undefined;
  const side = (drop: 'added' | 'removed'): DiffSegment[] => {
    const out: DiffSegment[] = [];
    for (const part of parts) {
      if (part[drop]) continue;
      const changed = part.added || part.removed;
      const last = out.at(-1);
      if (last && Boolean(last.changed) === changed) last.text += part.value;
      else out.push(changed ? { text: part.value, changed: true } : { text: part.value });
    }
    return out;
  };
  return { before: side('added'), after: side('removed') };
}

/** A removed line and the added line in its place, whose words are compared only if the diff shows them. */
interface Pair {
  removed: DiffLine;
  added: DiffLine;
}

/**
 * Every line of the revision, changed or not, in unified order (removals before the additions replacing them), each
 * changed line as one changed segment; `pairs` are the lines whose words may be marked (`markWords`).
 * The lines come from the history engine's own matcher, so what is shown added is what the engine credits.
 */
function allLines(before: string, after: string): { lines: DiffLine[]; pairs: Pair[] } {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const { fromOld, toNew } = matchLines(oldLines, newLines);
  const lines: DiffLine[] = [];
  const pairs: Pair[] = [];
  let o = 0;
  let n = 0;
  while (o < oldLines.length || n < newLines.length) {
    if (n < newLines.length && fromOld[n] === o) {
      lines.push({ kind: 'context', oldLine: ++o, newLine: ++n, segments: [{ text: lineText(newLines[n - 1]!) }] });
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (o < oldLines.length && toNew[o] === -1) removed.push(lineText(oldLines[o++]!));
    while (n < newLines.length && fromOld[n] === -1) added.push(lineText(newLines[n++]!));
    const firstOld = o - removed.length + 1;
    const firstNew = n - added.length + 1;
    const removedLines = removed.map((text, j): DiffLine => ({ kind: 'removed', oldLine: firstOld + j, segments: [{ text, changed: true }] }));
    const addedLines = added.map((text, j): DiffLine => ({ kind: 'added', newLine: firstNew + j, segments: [{ text, changed: true }] }));
    for (let j = 0; j < Math.min(removed.length, added.length); j++) pairs.push({ removed: removedLines[j]!, added: addedLines[j]! });
    lines.push(...removedLines, ...addedLines);
  }
  return { lines, pairs };
}

/** Marks the changed words of the pairs the diff shows a line of: word diffs of lines cut off are never computed. */
function markWords(pairs: readonly Pair[], shown: ReadonlySet<DiffLine>): void {
  for (const { removed, added } of pairs) {
    if (!shown.has(removed) && !shown.has(added)) continue;
    const marked = pairSegments(removed.segments[0]!.text, added.segments[0]!.text);
    if (!marked) continue;
    removed.segments = marked.before;
    added.segments = marked.after;
  }
}

/** The diff from `before` (null for a new page) to `after`, in hunks with `context` unchanged lines around each change. */
export function diffRevision(before: string | null, after: string, options: DiffOptions = {}): RevisionDiff {
  const { lines, pairs } = allLines(before ?? '', after);
  const cut = hunksOf(lines, {
    shows: (line) => line.kind !== 'context',
    // A line's segments, marked or not, spell its text, so its length is known before its words are compared.
    length: (line) => line.segments.reduce((n, seg) => n + seg.text.length, 0),
    context: options.context ?? 3,
    maxLines: options.maxLines ?? 1500,
    maxChars: options.maxChars ?? Infinity,
  });
  if (pairs.length > 0) markWords(pairs, new Set(cut.hunks.flatMap((h) => h.lines)));
  return {
    ...cut,
    added: lines.filter((l) => l.kind === 'added').length,
    removed: lines.filter((l) => l.kind === 'removed').length,
  };
}
