// Runs anywhere: the diff a revision made to a page, line by line with the changed words marked, context collapsed.
import { diffLines, diffWordsWithSpace } from 'diff';

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

export interface DiffHunk {
  /** Unchanged lines left out before this hunk. */
  skipped: number;
  lines: DiffLine[];
}

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

const splitLines = (value: string): string[] => {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

/**
 * Word highlights only help when a line was edited, not replaced: when less than this share of the shorter
 * line's characters is kept, the pair is shown as a plain removal and addition.
 */
const MIN_SHARED = 0.5;

function pairSegments(before: string, after: string): { before: DiffSegment[]; after: DiffSegment[] } | undefined {
  const parts = diffWordsWithSpace(before, after);
  const shared = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.trim().length, 0);
  if (shared === 0 || shared < MIN_SHARED * Math.min(before.trim().length, after.trim().length)) return undefined;
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

/** Every line of the revision, changed or not, in unified order (removals before the additions replacing them). */
function allLines(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  const changes = diffLines(before, after);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const values = splitLines(change.value);
    if (!change.added && !change.removed) {
      for (const text of values) lines.push({ kind: 'context', oldLine: oldLine++, newLine: newLine++, segments: [{ text }] });
      continue;
    }
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      const added = splitLines(next.value);
      const pairs = values.map((text, j) => (j < added.length ? pairSegments(text, added[j]!) : undefined));
      values.forEach((text, j) => lines.push({ kind: 'removed', oldLine: oldLine++, segments: pairs[j]?.before ?? [{ text, changed: true }] }));
      added.forEach((text, j) => lines.push({ kind: 'added', newLine: newLine++, segments: pairs[j]?.after ?? [{ text, changed: true }] }));
      i++;
      continue;
    }
    for (const text of values) {
      if (change.added) lines.push({ kind: 'added', newLine: newLine++, segments: [{ text, changed: true }] });
      else lines.push({ kind: 'removed', oldLine: oldLine++, segments: [{ text, changed: true }] });
    }
  }
  return lines;
}

/** The diff from `before` (null for a new page) to `after`, in hunks with `context` unchanged lines around each change. */
export function diffRevision(before: string | null, after: string, options: DiffOptions = {}): RevisionDiff {
  const context = options.context ?? 3;
  const maxLines = options.maxLines ?? 1500;
  const maxChars = options.maxChars ?? Infinity;
  const lines = allLines(before ?? '', after);
  const shown = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.kind === 'context') return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) shown[j] = true;
  });
  const diff: RevisionDiff = {
    hunks: [],
    skippedAfter: 0,
    added: lines.filter((l) => l.kind === 'added').length,
    removed: lines.filter((l) => l.kind === 'removed').length,
    truncated: false,
    chars: 0,
  };
  let skipped = 0;
  let count = 0;
  let chars = 0;
  let current: DiffHunk | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (!shown[i]) {
      skipped++;
      current = undefined;
      continue;
    }
    const length = lines[i]!.segments.reduce((n, seg) => n + seg.text.length, 0);
    if (count === maxLines || chars + length > maxChars) {
      diff.truncated = true;
      break;
    }
    chars += length;
    if (!current) {
      current = { skipped, lines: [] };
      diff.hunks.push(current);
      skipped = 0;
    }
    current.lines.push(lines[i]!);
    count++;
  }
  if (!diff.truncated) diff.skippedAfter = skipped;
  diff.chars = chars;
  return diff;
}
