// Runs anywhere: where a line's origin came from moved text, and how `git blame -C` would decide that move from HEAD.
//
// git blame scores a move on the lines of a run that still sit together at HEAD; the forward walk finds
// the move at the commit, on the whole run the commit wrote. Each moved line therefore keeps a mark (the
// moving commit, the stretch it was moved in, its place in that commit's version, its letters and digits),
// and the move is decided again when the page's lines at HEAD are credited.

/**
 * Where a stretch copied from another file came from: the parent searched, the stretch's lines in the
 * commit's version, the file it was taken from and the page's own path there (never a copy source).
 */
export interface CopySplit {
  readonly parent: number;
  readonly start: number;
  readonly end: number;
  readonly path: string;
  readonly ownPath: string | null;
  /** A later file in path order had some of its lines: only then can git take a part of it from another file. */
  readonly contested: boolean;
}

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
  /** Set for a stretch copied from another file (not moved within the page). */
  readonly copy?: CopySplit | undefined;
  readonly inner: MoveMark | null;
}

export type Marks = readonly (MoveMark | null)[];

/** A stretch of lines [start, end) at HEAD that one move's lines still fill together, and whether git would keep it moved. */
interface Group {
  start: number;
  end: number;
  mark: MoveMark;
  kept: boolean;
}

/**
 * Lines of one move that still follow each other, at HEAD and in the moving commit's version, are
 * scored together; a group at or under its threshold goes back to the moving commit, and a group
 * that stays moved is decided again at its earlier move. Calls `visit` for every group, outer moves first.
 */
function eachGroup(marks: Marks, visit: (group: Group) => void): void {
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
      visit({ start: k, end, mark: first, kept });
      for (let j = k; j < end; j++) {
        current[j] = kept ? current[j]!.inner : null;
        if (current[j]) pending = true;
      }
      k = end;
    }
  }
}

/**
 * The origins git blame -C gives the lines at HEAD (see eachGroup); `rematched` (line, origin pairs)
 * are groups git takes from another file than the move did (`copiedParts`).
 */
export function settleOrigins(origins: readonly number[], marks: Marks | undefined, rematched?: readonly number[]): readonly number[] {
  if (!marks) return origins;
  const settled = origins.slice();
  eachGroup(marks, ({ start, end, mark, kept }) => {
    if (!kept) for (let j = start; j < end; j++) settled[j] = mark.commit;
  });
  if (rematched) for (let p = 0; p + 1 < rematched.length; p += 2) settled[rematched[p]!] = rematched[p + 1]!;
  return settled;
}

/**
 * Groups kept as copied that are only part of the stretch they were copied in: git searches such a
 * part again on its own, and where another file has it too the later file in git's order wins.
 */
export function copiedParts(marks: Marks): { start: number; end: number; commit: number; copy: CopySplit }[] {
  const parts: { start: number; end: number; commit: number; copy: CopySplit }[] = [];
  eachGroup(marks, ({ start, end, mark, kept }) => {
    const { copy } = mark;
    if (kept && copy?.contested && end - start < copy.end - copy.start) parts.push({ start, end, commit: mark.commit, copy });
  });
  return parts;
}

const FIELDS = 6;

/** A copy split as the cache stores it. */
export type StoredCopy = [parent: number, start: number, end: number, path: string, ownPath: string | null, contested: 0 | 1];

/** The marks as flat numbers for the cache: per marked line its index, its chain's length, then each move's fields; copy splits in a table of their own. */
export function encodeMarks(marks: Marks): { flat: number[]; copies: StoredCopy[] } {
  const flat: number[] = [];
  const copies: StoredCopy[] = [];
  const ids = new Map<CopySplit, number>();
  for (let k = 0; k < marks.length; k++) {
    let m = marks[k];
    if (!m) continue;
    const at = flat.length;
    flat.push(k, 0);
    for (; m; m = m.inner) {
      let copy = -1;
      if (m.copy) {
        copy = ids.get(m.copy) ?? copies.length;
        if (copy === copies.length) {
          ids.set(m.copy, copy);
          copies.push([m.copy.parent, m.copy.start, m.copy.end, m.copy.path, m.copy.ownPath, m.copy.contested ? 1 : 0]);
        }
      }
      flat.push(m.commit, m.split, m.line, m.alnum, m.threshold, copy + 1);
      flat[at + 1]!++;
    }
  }
  return { flat, copies };
}

/** What `encodeMarks` wrote, for a page of `length` lines; null when the numbers are not such marks. */
export function decodeMarks(flat: readonly unknown[], storedCopies: readonly unknown[], length: number): (MoveMark | null)[] | null {
  const int = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
  const copies: CopySplit[] = [];
  for (const row of storedCopies) {
    if (!Array.isArray(row) || row.length !== 6) return null;
    const [parent, start, end, path, ownPath, contested] = row as unknown[];
    if (!int(parent) || !int(start) || !int(end) || start >= end || typeof path !== 'string' || (ownPath !== null && typeof ownPath !== 'string') || (contested !== 0 && contested !== 1)) return null;
    copies.push({ parent, start, end, path, ownPath, contested: contested === 1 });
  }
  const marks = new Array<MoveMark | null>(length).fill(null);
  for (let p = 0; p < flat.length; ) {
    const k = flat[p];
    const depth = flat[p + 1];
    if (!int(k) || k >= length || !int(depth) || depth === 0 || p + 2 + depth * FIELDS > flat.length) return null;
    const fields = flat.slice(p + 2, p + 2 + depth * FIELDS);
    if (!fields.every(int)) return null;
    let inner: MoveMark | null = null;
    for (let d = depth - 1; d >= 0; d--) {
      const [commit, split, line, alnum, threshold, copy] = fields.slice(d * FIELDS, d * FIELDS + FIELDS) as number[];
      if (copy! > copies.length) return null;
      inner = { commit: commit!, split: split!, line: line!, alnum: alnum!, threshold: threshold!, copy: copies[copy! - 1], inner };
    }
    marks[k] = inner;
    p += 2 + depth * FIELDS;
  }
  return marks;
}
