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
  /** The class of each record: equal lines (newline included) share one. */
  classes: Int32Array;
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
  let common = 0;
  const sizes: number[] = [];
  while (i > 0 && j > 0 && oldLines[i - 1] === newLines[j - 1]) {
    const size = utf8Length(oldLines[--i]!);
    j--;
    sizes.push(size);
    common += size;
  }
  if (common + (i > 0 && j > 0 ? utf8Length(oldLines[i - 1]!) : 0) < TAIL_BLOCK) return 0;
  if (i > 0 && j > 0) common += commonByteSuffix(oldLines[i - 1]!, newLines[j - 1]!);
  const trimmed = common - (common % TAIL_BLOCK);
  let dropped = 0;
  // A line starting exactly at the cut is kept: git keeps up to the first newline at or after it.
  for (let bytes = 0; dropped < sizes.length && bytes + sizes[dropped]! < trimmed; dropped++) bytes += sizes[dropped]!;
  return dropped;
}

function newFile(lines: readonly string[], nrec: number): XdFile {
  return { lines, nrec, classes: new Int32Array(nrec), changed: new Uint8Array(nrec + 2), rindex: new Int32Array(0), ha: new Int32Array(0), nreff: 0 };
}

/**
 * xdl_prepare_env for the default (Myers) algorithm: classify, trim equal ends (xdl_trim_ends), then leave
 * out of the search lines the other side lacks, and lines too common there that sit among such lines
 * (xdl_cleanup_records); those left out are marked changed from the start.
 */
export function prepare(oldLines: readonly string[], newLines: readonly string[]): [XdFile, XdFile] {
  const dropped = droppedTailLines(oldLines, newLines);
  const f1 = newFile(oldLines, oldLines.length - dropped);
  const f2 = newFile(newLines, newLines.length - dropped);
  const classOf = new Map<string, number>();
  const in1: number[] = [];
  const in2: number[] = [];
  const classify = (f: XdFile, count: number[], other: number[]) => {
    for (let i = 0; i < f.nrec; i++) {
      const line = f.lines[i]!;
      let c = classOf.get(line);
      if (c === undefined) {
        c = count.length;
        classOf.set(line, c);
        count.push(0);
        other.push(0);
      }
      count[c]!++;
      f.classes[i] = c;
    }
  };
  classify(f1, in1, in2);
  classify(f2, in2, in1);

  let start = 0;
  const shorter = Math.min(f1.nrec, f2.nrec);
  while (start < shorter && f1.classes[start] === f2.classes[start]) start++;
  let tail = 0;
  while (tail < shorter - start && f1.classes[f1.nrec - 1 - tail] === f2.classes[f2.nrec - 1 - tail]) tail++;
  keepForSearch(f1, start, f1.nrec - 1 - tail, in2);
  keepForSearch(f2, start, f2.nrec - 1 - tail, in1);
  return [f1, f2];
}

/** Occurrence classes of xdl_cleanup_records: 0 none on the other side, 1 some, 2 many (at least the limit). */
function keepForSearch(f: XdFile, dstart: number, dend: number, countOther: readonly number[]): void {
  const limit = Math.min(bogoSqrt(f.nrec), MAX_EQ_LIMIT);
  const size = Math.max(0, dend - dstart + 1);
  const dis = new Uint8Array(f.nrec + 1);
  for (let i = dstart; i <= dend; i++) {
    const n = countOther[f.classes[i]!]!;
    dis[i] = n === 0 ? 0 : n >= limit ? 2 : 1;
  }
  f.rindex = new Int32Array(size);
  f.ha = new Int32Array(size);
  let kept = 0;
  for (let i = dstart; i <= dend; i++) {
    if (dis[i] === 1 || (dis[i] === 2 && !amongDiscarded(dis, i, dstart, dend))) {
      f.rindex[kept] = i;
      f.ha[kept++] = f.classes[i]!;
    } else f.changed[i + 1] = 1;
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
