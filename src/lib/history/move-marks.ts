// Runs anywhere: where a line's origin came from moved text, and how `git blame -C` would decide that move from HEAD.
//
// git blame scores a move on the lines of a run that still sit together at HEAD; the forward walk finds
// the move at the commit, on the whole run the commit wrote. Each moved line therefore keeps a mark (the
// moving commit, the stretch it was moved in, its place in that commit's version, its letters and digits),
// and the move is decided again when the page's lines at HEAD are credited.

/** One move of one line: `inner` is the move that line had in the file it was moved from. */
export interface MoveMark {
  readonly commit: number;
  /** The stretch (git's split) within the commit: lines of one stretch were moved together. */
  readonly split: number;
  /** The line's index in the commit's version of the page. */
  readonly line: number;
  /** git's blame_entry_score counts letters and digits: this line's part of it. */
  readonly alnum: number;
  /** A stretch moves only when its score is above this (git's move or copy score). */
  readonly threshold: number;
  readonly inner: MoveMark | null;
}

export type Marks = readonly (MoveMark | null)[];

/**
 * The origins git blame -C gives the lines at HEAD: lines of one move that still follow each other,
 * at HEAD and in the moving commit's version, are scored together; a group at or under its threshold
 * goes back to the moving commit, and a group that stays moved is decided again at its earlier move.
 */
export function settleOrigins(origins: readonly number[], marks: Marks | undefined): readonly number[] {
  if (!marks) return origins;
  const settled = origins.slice();
  const current: (MoveMark | null)[] = marks.slice();
  let pending = current.some((m) => m !== null);
  while (pending) {
    pending = false;
    for (let k = 0; k < current.length; ) {
      const first = current[k];
      if (!first) {
        k++;
        continue;
      }
      let end = k + 1;
      let sum = first.alnum;
      for (; end < current.length; end++) {
        const next = current[end];
        if (!next || next.commit !== first.commit || next.split !== first.split || next.line !== current[end - 1]!.line + 1) break;
        sum += next.alnum;
      }
      const kept = 1 + sum > first.threshold;
      for (let j = k; j < end; j++) {
        if (kept) {
          current[j] = current[j]!.inner;
          if (current[j]) pending = true;
        } else {
          settled[j] = first.commit;
          current[j] = null;
        }
      }
      k = end;
    }
  }
  return settled;
}

const FIELDS = 5;

/** The marks as flat numbers for the cache: per marked line its index, its chain's length, then each move's fields. */
export function encodeMarks(marks: Marks): number[] {
  const out: number[] = [];
  for (let k = 0; k < marks.length; k++) {
    let m = marks[k];
    if (!m) continue;
    const at = out.length;
    out.push(k, 0);
    for (; m; m = m.inner) {
      out.push(m.commit, m.split, m.line, m.alnum, m.threshold);
      out[at + 1]!++;
    }
  }
  return out;
}

/** What `encodeMarks` wrote, for a page of `length` lines; null when the numbers are not such marks. */
export function decodeMarks(flat: readonly unknown[], length: number): (MoveMark | null)[] | null {
  const marks = new Array<MoveMark | null>(length).fill(null);
  const int = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
  for (let p = 0; p < flat.length; ) {
    const k = flat[p];
    const depth = flat[p + 1];
    if (!int(k) || k >= length || !int(depth) || depth === 0 || p + 2 + depth * FIELDS > flat.length) return null;
    const fields = flat.slice(p + 2, p + 2 + depth * FIELDS);
    if (!fields.every(int)) return null;
    let inner: MoveMark | null = null;
    for (let d = depth - 1; d >= 0; d--) {
      const [commit, split, line, alnum, threshold] = fields.slice(d * FIELDS, d * FIELDS + FIELDS) as number[];
      inner = { commit: commit!, split: split!, line: line!, alnum: alnum!, threshold: threshold!, inner };
    }
    marks[k] = inner;
    p += 2 + depth * FIELDS;
  }
  return marks;
}
