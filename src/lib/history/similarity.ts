// Runs anywhere: git's rename similarity (diffcore-delta.c, ported so scores and their ties agree with git): a blob's chunk signature and the score of two signatures.

/**
 * Bytes per chunk hash, sorted by hash, and the blob's size: what git's estimate_similarity compares.
 * Hashes are git's own, folded into its 107,927 buckets, so chunks git confuses are confused alike.
 */
export interface Signature {
  size: number;
  hashes: Uint32Array;
  counts: Uint32Array;
}

/** git ends a chunk at a newline or after 64 bytes. */
const MAX_CHUNK = 64;
/** git's HASHBASE: chunk hashes are taken modulo this prime. */
export const HASH_BUCKETS = 107927;
/** git's MAX_SCORE: scores are integers out of this. */
export const MAX_SCORE = 60000;
/** git looks for a NUL in the first 8000 bytes to call a blob binary (buffer_is_binary). */
const BINARY_PROBE = 8000;

export function signatureOf(bytes: Uint8Array): Signature {
  const spans = new Map<number, number>();
  const probe = bytes.subarray(0, BINARY_PROBE);
  // Only in text does git skip a CR before an LF.
  const text = !probe.includes(0);
  let accum1 = 0;
  let accum2 = 0;
  let n = 0;
  const add = () => {
    const hash = ((accum1 + Math.imul(accum2, 0x61)) >>> 0) % HASH_BUCKETS;
    spans.set(hash, (spans.get(hash) ?? 0) + n);
    accum1 = 0;
    accum2 = 0;
    n = 0;
  };
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (text && c === 0x0d && i + 1 < bytes.length && bytes[i + 1] === 0x0a) continue;
    const old1 = accum1;
    accum1 = (((accum1 << 7) ^ (accum2 >>> 25)) + c) >>> 0;
    accum2 = ((accum2 << 7) ^ (old1 >>> 25)) >>> 0;
    n++;
    if (n < MAX_CHUNK && c !== 0x0a) continue;
    add();
  }
  if (n > 0) add();
  const sorted = [...spans.keys()].sort((a, b) => a - b);
  return { size: bytes.length, hashes: Uint32Array.from(sorted), counts: Uint32Array.from(sorted, (h) => spans.get(h)!) };
}

/** True when the sizes alone rule the pair out, as git checks before reading any content. */
export function sizesRuleOut(sizeA: number, sizeB: number, threshold: number): boolean {
  const larger = Math.max(sizeA, sizeB);
  return Math.min(sizeA, sizeB) < larger * threshold;
}

/** Bytes of `a` found again in `b` (the sum over hashes of the smaller count: git's src_copied). */
export function sharedBytes(a: Signature, b: Signature): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.hashes.length && j < b.hashes.length) {
    const x = a.hashes[i]!;
    const y = b.hashes[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      shared += Math.min(a.counts[i]!, b.counts[j]!);
      i++;
      j++;
    }
  }
  return shared;
}

/** git's integer score (out of MAX_SCORE): shared bytes over the larger size; 0 when the destination is empty, as in git. */
export function score(source: Signature, destination: Signature): number {
  if (destination.size === 0) return 0;
  const larger = Math.max(source.size, destination.size);
  return Math.floor((sharedBytes(source, destination) * MAX_SCORE) / larger);
}

/** The score as a fraction (1 for two empty blobs, which only exact matching pairs in git). */
export function similarity(a: Signature, b: Signature): number {
  const larger = Math.max(a.size, b.size);
  if (larger === 0) return 1;
  return score(a, b) / MAX_SCORE;
}
