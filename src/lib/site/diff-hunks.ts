// Runs anywhere: cuts a diff's lines into hunks around the lines that matter, within a line and character budget (shared by the plain and the combined diff).

export interface Hunk<L> {
  /** Lines left out before this hunk. */
  skipped: number;
  lines: L[];
}

export interface Hunked<L> {
  hunks: Hunk<L>[];
  /** Lines left out after the last hunk (0 when the diff was cut). */
  skippedAfter: number;
  /** True when the diff was cut at `maxLines` lines or `maxChars` characters. */
  truncated: boolean;
  /** Characters of text shown. */
  chars: number;
}

export interface HunkRules<L> {
  /** The lines each hunk is drawn around. */
  shows: (line: L) => boolean;
  /** Characters a line weighs against `maxChars`. */
  length: (line: L) => number;
  /** Whether a line left out counts in `skipped` (a combined diff counts only the lines of the result). */
  counts?: (line: L) => boolean;
  context: number;
  maxLines: number;
  maxChars: number;
}

export function hunksOf<L>(lines: readonly L[], rules: HunkRules<L>): Hunked<L> {
  const counts = rules.counts ?? (() => true);
  const shown = lines.map(() => false);
  // Context is counted in lines that count (a combined diff's removed lines ride along without using it up).
  const spread = (from: number, step: 1 | -1) => {
    for (let j = from + step, seen = 0; j >= 0 && j < lines.length && seen < rules.context; j += step) {
      shown[j] = true;
      if (counts(lines[j]!)) seen++;
    }
  };
  lines.forEach((line, i) => {
    if (!rules.shows(line)) return;
    shown[i] = true;
    spread(i, -1);
    spread(i, 1);
  });
  const out: Hunked<L> = { hunks: [], skippedAfter: 0, truncated: false, chars: 0 };
  let skipped = 0;
  let count = 0;
  let current: Hunk<L> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!shown[i]) {
      if (counts(line)) skipped++;
      current = undefined;
      continue;
    }
    const length = rules.length(line);
    if (count === rules.maxLines || out.chars + length > rules.maxChars) {
      out.truncated = true;
      break;
    }
    out.chars += length;
    if (!current) {
      current = { skipped, lines: [] };
      out.hunks.push(current);
      skipped = 0;
    }
    current.lines.push(line);
    count++;
  }
  if (!out.truncated) out.skippedAfter = skipped;
  return out;
}
