// Runs anywhere: xdiff's Myers search (xdiffi.c xdl_recs_cmp/xdl_split) with git's cost limits, marking the changed records of both sides.
//
// Hand-written (see prepare.ts): git does not search for a minimal diff. Past an edit cost of 256 it takes a
// long enough snake far along the diagonals (XDL_SNAKE_CNT, XDL_K_HEUR) or, at the cost limit (mxcost), the
// furthest-reaching point, and blame follows those choices.
import { bogoSqrt, type XdFile } from './prepare.ts';

const MAX_COST_MIN = 256;
const HEURISTIC_MIN_COST = 256;
const SNAKE_COUNT = 20;
const K_HEURISTIC = 4;
/** Stands for XDL_LINE_MAX: beyond any record index. */
const LINE_MAX = 0x7fffffff;

interface Search {
  ha1: Int32Array;
  ha2: Int32Array;
  /** Furthest reach per diagonal, forward and backward; diagonal d is at index d + `base`. */
  forward: Int32Array;
  backward: Int32Array;
  base: number;
  maxCost: number;
}

interface Split {
  i1: number;
  i2: number;
  minLow: boolean;
  minHigh: boolean;
}

/** xdl_split: where the box (off1..lim1, off2..lim2) is cut in two, from both ends at once. */
function split(s: Search, off1: number, lim1: number, off2: number, lim2: number, needMin: boolean): Split {
  const { ha1, ha2, forward: kf, backward: kb, base } = s;
  const dmin = off1 - lim2;
  const dmax = lim1 - off2;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  const odd = ((fmid - bmid) & 1) !== 0;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  kf[base + fmid] = off1;
  kb[base + bmid] = lim1;

  for (let ec = 1; ; ec++) {
    let gotSnake = false;
    if (fmin > dmin) kf[base + --fmin - 1] = -1;
    else ++fmin;
    if (fmax < dmax) kf[base + ++fmax + 1] = -1;
    else --fmax;

    for (let d = fmax; d >= fmin; d -= 2) {
      let i1 = kf[base + d - 1]! >= kf[base + d + 1]! ? kf[base + d - 1]! + 1 : kf[base + d + 1]!;
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 < lim1 && i2 < lim2 && ha1[i1] === ha2[i2]) {
        i1++;
        i2++;
      }
      if (i1 - prev1 > SNAKE_COUNT) gotSnake = true;
      kf[base + d] = i1;
      if (odd && bmin <= d && d <= bmax && kb[base + d]! <= i1) return { i1, i2, minLow: true, minHigh: true };
    }

    if (bmin > dmin) kb[base + --bmin - 1] = LINE_MAX;
    else ++bmin;
    if (bmax < dmax) kb[base + ++bmax + 1] = LINE_MAX;
    else --bmax;

    for (let d = bmax; d >= bmin; d -= 2) {
      let i1 = kb[base + d - 1]! < kb[base + d + 1]! ? kb[base + d - 1]! : kb[base + d + 1]! - 1;
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 > off1 && i2 > off2 && ha1[i1 - 1] === ha2[i2 - 1]) {
        i1--;
        i2--;
      }
      if (prev1 - i1 > SNAKE_COUNT) gotSnake = true;
      kb[base + d] = i1;
      if (!odd && fmin <= d && d <= fmax && i1 <= kf[base + d]!) return { i1, i2, minLow: true, minHigh: true };
    }

    if (needMin) continue;

    // Past the trigger, a diagonal far from both corners that ends in a long snake is taken as the cut.
    if (gotSnake && ec > HEURISTIC_MIN_COST) {
      let best = 0;
      let cut: Split | undefined;
      for (let d = fmax; d >= fmin; d -= 2) {
        const dd = d > fmid ? d - fmid : fmid - d;
        const i1 = kf[base + d]!;
        const i2 = i1 - d;
        const v = i1 - off1 + (i2 - off2) - dd;
        if (v > K_HEURISTIC * ec && v > best && off1 + SNAKE_COUNT <= i1 && i1 < lim1 && off2 + SNAKE_COUNT <= i2 && i2 < lim2) {
          for (let k = 1; ha1[i1 - k] === ha2[i2 - k]; k++) {
            if (k === SNAKE_COUNT) {
              best = v;
              cut = { i1, i2, minLow: true, minHigh: false };
              break;
            }
          }
        }
      }
      if (cut) return cut;
      best = 0;
      for (let d = bmax; d >= bmin; d -= 2) {
        const dd = d > bmid ? d - bmid : bmid - d;
        const i1 = kb[base + d]!;
        const i2 = i1 - d;
        const v = lim1 - i1 + (lim2 - i2) - dd;
        if (v > K_HEURISTIC * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_COUNT && off2 < i2 && i2 <= lim2 - SNAKE_COUNT) {
          for (let k = 0; ha1[i1 + k] === ha2[i2 + k]; k++) {
            if (k === SNAKE_COUNT - 1) {
              best = v;
              cut = { i1, i2, minLow: false, minHigh: true };
              break;
            }
          }
        }
      }
      if (cut) return cut;
    }

    // At the cost limit: the furthest-reaching point by i1 + i2, forward or backward.
    if (ec >= s.maxCost) {
      let fbest = -1;
      let fbest1 = -1;
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = Math.min(kf[base + d]!, lim1);
        let i2 = i1 - d;
        if (lim2 < i2) {
          i1 = lim2 + d;
          i2 = lim2;
        }
        if (fbest < i1 + i2) {
          fbest = i1 + i2;
          fbest1 = i1;
        }
      }
      let bbest = LINE_MAX;
      let bbest1 = LINE_MAX;
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Math.max(off1, kb[base + d]!);
        let i2 = i1 - d;
        if (i2 < off2) {
          i1 = off2 + d;
          i2 = off2;
        }
        if (i1 + i2 < bbest) {
          bbest = i1 + i2;
          bbest1 = i1;
        }
      }
      if (lim1 + lim2 - bbest < fbest - (off1 + off2)) return { i1: fbest1, i2: fbest - fbest1, minLow: true, minHigh: false };
      return { i1: bbest1, i2: bbest - bbest1, minLow: false, minHigh: true };
    }
  }
}

/**
 * xdl_do_diff's Myers part: cut each box at a split until one side is empty, then mark the other side's
 * records changed. Boxes wait on a stack rather than in recursion, so a long diff cannot overflow it;
 * the boxes are disjoint, so the order they are done in changes nothing.
 */
export function markChanges(f1: XdFile, f2: XdFile, minimal: boolean): void {
  const ndiags = f1.nreff + f2.nreff + 3;
  const search: Search = {
    ha1: f1.ha,
    ha2: f2.ha,
    forward: new Int32Array(ndiags),
    backward: new Int32Array(ndiags),
    base: f2.nreff + 1,
    maxCost: Math.max(bogoSqrt(ndiags), MAX_COST_MIN),
  };
  const { ha1, ha2 } = search;
  const boxes: number[] = [0, f1.nreff, 0, f2.nreff, minimal ? 1 : 0];
  while (boxes.length > 0) {
    const needMin = boxes.pop() === 1;
    let lim2 = boxes.pop()!;
    let off2 = boxes.pop()!;
    let lim1 = boxes.pop()!;
    let off1 = boxes.pop()!;
    while (off1 < lim1 && off2 < lim2 && ha1[off1] === ha2[off2]) {
      off1++;
      off2++;
    }
    while (off1 < lim1 && off2 < lim2 && ha1[lim1 - 1] === ha2[lim2 - 1]) {
      lim1--;
      lim2--;
    }
    if (off1 === lim1) {
      for (; off2 < lim2; off2++) f2.changed[f2.rindex[off2]! + 1] = 1;
    } else if (off2 === lim2) {
      for (; off1 < lim1; off1++) f1.changed[f1.rindex[off1]! + 1] = 1;
    } else {
      const cut = split(search, off1, lim1, off2, lim2, needMin);
      boxes.push(cut.i1, lim1, cut.i2, lim2, cut.minHigh ? 1 : 0);
      boxes.push(off1, cut.i1, off2, cut.i2, cut.minLow ? 1 : 0);
    }
  }
}
