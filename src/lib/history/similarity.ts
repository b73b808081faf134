// Runs anywhere: git's rename similarity: a blob's chunk signature (bytes per hashed line-ish chunk, at most 64 bytes each) and the score of two signatures.

/** Bytes per chunk hash, and the blob's size: what estimate_similarity compares. */
export interface Signature {
  size: number;
  spans: Map<number, number>;
}

/** git ends a chunk at a newline or after 64 bytes, and ignores a CR before LF in text. */
const MAX_CHUNK = 64;

export function signatureOf(bytes: Uint8Array): Signature {
  const spans = new Map<number, number>();
  let hash = 0x811c9dc5;
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x0d && bytes[i + 1] === 0x0a) continue;
    hash = Math.imul(hash ^ c, 0x01000193);
    n++;
    if (n < MAX_CHUNK && c !== 0x0a) continue;
    spans.set(hash >>> 0, (spans.get(hash >>> 0) ?? 0) + n);
    hash = 0x811c9dc5;
    n = 0;
  }
  if (n > 0) spans.set(hash >>> 0, (spans.get(hash >>> 0) ?? 0) + n);
  return { size: bytes.length, spans };
}

/** True when the sizes alone rule the pair out, as git checks before reading any content. */
export function sizesRuleOut(sizeA: number, sizeB: number, threshold: number): boolean {
  const larger = Math.max(sizeA, sizeB);
  return Math.min(sizeA, sizeB) < larger * threshold;
}

/** Bytes of the source found again in the destination, over the larger size (git's score over MAX_SCORE). */
export function similarity(a: Signature, b: Signature): number {
  const larger = Math.max(a.size, b.size);
  if (larger === 0) return 1;
  const [small, big] = a.spans.size <= b.spans.size ? [a.spans, b.spans] : [b.spans, a.spans];
  let shared = 0;
  for (const [hash, count] of small) {
    const other = big.get(hash);
    if (other) shared += Math.min(count, other);
  }
  return shared / larger;
}
