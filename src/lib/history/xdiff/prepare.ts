// Runs anywhere: xdiff's record preparation (xprepare.c, xdiff-interface.c): equal lines to one class, the common tail git drops before a diff without context, trimmed ends, and the lines left out of the search.
//
// Hand-written because no npm package reproduces git's xdiff with its pre-filtering and heuristics (checked:
// `diff`, `fast-myers-diff`, `myers-diff` give minimal diffs; `git-diff` shells out). Facts from git's
// xdiff/xprepare.c and xdiff-interface.c (trim_common_tail); tests compare with `git diff` itself.

/** One side of a diff as xdiff holds it (xdfile_t). */
export interface XdFile {
  lines: readonly string[];
  /** The records diffed: the lines before the common tail git drops (trim_common_tail). */
  nrec: number;
  /** xdiff's rchg: 1 for a changed record, with a zero slot before the first and after the last (record i is at i + 1). */
  changed: Uint8Array;
  /** The records left to the search (rindex) and their classes (ha); `nreff` of them. */
  rindex: Int32Array;
  ha: Int32Array;
  nreff: number;
}

/** xdiff's bounds for the multimatch filter (XDL_MAX_EQLIMIT, XDL_SIMSCAN_WINDOW, XDL_KPDIS_RUN). */
const MAX_EQ_LIMIT = 1024;
const SIMILAR_SCAN_WINDOW = 100;
const KEEP_DISCARDED_RUN = 4;

/** The block git compares the texts' ends in before diffing without context (blame, `diff -U0`). */
const TAIL_BLOCK = 1024;

/** xdl_bogosqrt: a power of two near the square root. */
export function bogoSqrt(n: number): number {
  let i = 1;
  for (let m = n; m > 0; m = Math.floor(m / 4)) i *= 2;
  return i;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes of a line in UTF-8, as git measures its blob (a lone surrogate stands for U+FFFD, three bytes). */
function utf8Length(line: string): number {
  if (!NON_ASCII.test(line)) return line.length;
  let n = line.length;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

let encoder: TextEncoder | undefined;

/** Bytes two different lines share at their ends. */
function commonByteSuffix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  const before = (s: string) => (k < s.length ? s.charCodeAt(s.length - 1 - k) : 0);
  const first = k > 0 ? a.charCodeAt(a.length - k) : 0;
  // Unless two different non-ASCII characters (or the halves of a surrogate pair) meet at the cut, the bytes shared are those of the shared characters.
  if ((before(a) < 0x80 || before(b) < 0x80) && (first & 0xfc00) !== 0xdc00) return utf8Length(a.slice(a.length - k));
  encoder ??= new TextEncoder();
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}

/**
 * How many last lines git drops from both texts before a diff without context (trim_common_tail): it
 * compares the ends in whole 1,024-byte blocks, then keeps the line the cut falls in. Those lines are
 * unchanged either way, but they no longer count as occurrences, records or lines to slide into.
 */
export function droppedTailLines(oldLines: readonly string[], newLines: readonly string[]): number {
  let i = oldLines.length;
  let j = newLines.length;
  let units = 0;
  while (i > 0 && j > 0 && oldLines[i - 1] === newLines[j - 1]) {
    units += oldLines[--i]!.length;
    j--;
  }
  const partly = i > 0 && j > 0;
  // A UTF-16 unit is at most three bytes: short of a block, nothing is dropped.
  if (3 * (units + (partly ? oldLines[i - 1]!.length : 0)) < TAIL_BLOCK) return 0;
  const sizes: number[] = [];
  let common = 0;
  for (let k = oldLines.length - 1; k >= i; k--) {
    const size = utf8Length(oldLines[k]!);
    sizes.push(size);
    common += size;
  }
  if (partly) common += commonByteSuffix(oldLines[i - 1]!, newLines[j - 1]!);
  const trimmed = common - (common % TAIL_BLOCK);
  let dropped = 0;
  // A line starting exactly at the cut is kept: git keeps up to the first newline at or after it.
  for (let bytes = 0; dropped < sizes.length && bytes + sizes[dropped]! < trimmed; dropped++) bytes += sizes[dropped]!;
  return dropped;
}

function newFile(lines: readonly string[], nrec: number): XdFile {
  return { lines, nrec, changed: new Uint8Array(nrec + 2), rindex: new Int32Array(0), ha: new Int32Array(0), nreff: 0 };
}

/**
 * xdl_prepare_env for the default (Myers) algorithm: trim equal ends (xdl_trim_ends), classify, then leave
 * out of the search lines the other side lacks, and lines too common there that sit among such lines
 * (xdl_cleanup_records); those left out are marked changed from the start. Only the lines between the
 * equal ends need a class; the ends (the same lines on both sides) only add to the counts.
 */
export function prepare(oldLines: readonly string[], newLines: readonly string[]): [XdFile, XdFile] {
  const dropped = droppedTailLines(oldLines, newLines);
  const f1 = newFile(oldLines, oldLines.length - dropped);
  const f2 = newFile(newLines, newLines.length - dropped);
  let start = 0;
  const shorter = Math.min(f1.nrec, f2.nrec);
  while (start < shorter && oldLines[start] === newLines[start]) start++;
  let tail = 0;
  while (tail < shorter - start && oldLines[f1.nrec - 1 - tail] === newLines[f2.nrec - 1 - tail]) tail++;

  const classOf = new Map<string, number>();
  const in1: number[] = [];
  const in2: number[] = [];
  const classify = (f: XdFile, count: number[], other: number[]): Int32Array => {
    const classes = new Int32Array(f.nrec - tail - start);
    for (let i = start; i < f.nrec - tail; i++) {
      const line = f.lines[i]!;
      let c = classOf.get(line);
      if (c === undefined) {
        c = count.length;
        classOf.set(line, c);
        count.push(0);
        other.push(0);
      }
      count[c]!++;
      classes[i - start] = c;
    }
    return classes;
  };
  const classes1 = classify(f1, in1, in2);
  const classes2 = classify(f2, in2, in1);
  const countEnd = (i: number) => {
    const c = classOf.get(oldLines[i]!);
    if (c !== undefined) {
      in1[c]!++;
      in2[c]!++;
    }
  };
  if (classOf.size > 0) {
    for (let i = 0; i < start; i++) countEnd(i);
    for (let i = f1.nrec - tail; i < f1.nrec; i++) countEnd(i);
  }
  keepForSearch(f1, start, classes1, in2);
  keepForSearch(f2, start, classes2, in1);
  return [f1, f2];
}

/** Occurrence classes of xdl_cleanup_records: 0 none on the other side, 1 some, 2 many (at least the limit). */
function keepForSearch(f: XdFile, dstart: number, classes: Int32Array, countOther: readonly number[]): void {
  const limit = Math.min(bogoSqrt(f.nrec), MAX_EQ_LIMIT);
  const size = classes.length;
  const dis = new Uint8Array(size + 1);
  for (let k = 0; k < size; k++) {
    const n = countOther[classes[k]!]!;
    dis[k] = n === 0 ? 0 : n >= limit ? 2 : 1;
  }
  f.rindex = new Int32Array(size);
  f.ha = new Int32Array(size);
  let kept = 0;
  for (let k = 0; k < size; k++) {
    if (dis[k] === 1 || (dis[k] === 2 && !amongDiscarded(dis, k, 0, size - 1))) {
      f.rindex[kept] = dstart + k;
      f.ha[kept++] = classes[k]!;
    } else f.changed[dstart + k + 1] = 1;
  }
  f.nreff = kept;
}

/**
 * xdl_clean_mmatch: a line with many matches is left out when the runs of lines around it (within 100)
 * hold lines without a match on both sides, and those make up enough of the runs.
 */
function amongDiscarded(dis: Uint8Array, i: number, s: number, e: number): boolean {
  if (i - s > SIMILAR_SCAN_WINDOW) s = i - SIMILAR_SCAN_WINDOW;
  if (e - i > SIMILAR_SCAN_WINDOW) e = i + SIMILAR_SCAN_WINDOW;
  let unmatchedBefore = 0;
  let manyBefore = 1;
  for (let r = 1; i - r >= s; r++) {
    if (dis[i - r] === 0) unmatchedBefore++;
    else if (dis[i - r] === 2) manyBefore++;
    else break;
  }
  if (unmatchedBefore === 0) return false;
  let unmatchedAfter = 0;
  let manyAfter = 1;
  for (let r = 1; i + r <= e; r++) {
    if (dis[i + r] === 0) unmatchedAfter++;
    else if (dis[i + r] === 2) manyAfter++;
    else break;
  }
  if (unmatchedAfter === 0) return false;
  const unmatched = unmatchedBefore + unmatchedAfter;
  const many = manyBefore + manyAfter;
  return many * KEEP_DISCARDED_RUN < many + unmatched;
}
