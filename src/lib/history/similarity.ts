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
  // Only in text does git skip a CR before an LF.
  const text = !bytes.subarray(0, BINARY_PROBE).includes(0);
  // One hash and byte count per chunk, summed per hash after sorting: no map in the byte loop.
  const chunkHashes: number[] = [];
  const chunkBytes: number[] = [];
  let accum1 = 0;
  let accum2 = 0;
  let n = 0;
  const length = bytes.length;
  for (let i = 0; i < length; i++) {
    const c = bytes[i]!;
    if (c === 0x0d && text && i + 1 < length && bytes[i + 1] === 0x0a) continue;
    const old1 = accum1;
    accum1 = (((accum1 << 7) ^ (accum2 >>> 25)) + c) >>> 0;
    accum2 = ((accum2 << 7) ^ (old1 >>> 25)) >>> 0;
    n++;
    if (n < MAX_CHUNK && c !== 0x0a) continue;
    chunkHashes.push(((accum1 + Math.imul(accum2, 0x61)) >>> 0) % HASH_BUCKETS);
    chunkBytes.push(n);
    accum1 = 0;
    accum2 = 0;
    n = 0;
  }
  if (n > 0) {
    chunkHashes.push(((accum1 + Math.imul(accum2, 0x61)) >>> 0) % HASH_BUCKETS);
    chunkBytes.push(n);
  }
  const order = chunkHashes.map((_, k) => k).sort((a, b) => chunkHashes[a]! - chunkHashes[b]!);
  const hashes: number[] = [];
  const counts: number[] = [];
  for (const k of order) {
    const hash = chunkHashes[k]!;
    if (hashes.length > 0 && hashes[hashes.length - 1] === hash) counts[counts.length - 1]! += chunkBytes[k]!;
    else {
      hashes.push(hash);
      counts.push(chunkBytes[k]!);
    }
  }
  return { size: length, hashes: Uint32Array.from(hashes), counts: Uint32Array.from(counts) };
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
