// Runs anywhere: chunk signatures of page blobs as bytes, so a later run's copy search need not read and hash every page again.
import { HASH_BUCKETS, type Signature } from './similarity.ts';

/** "sig1": bump when the layout or the hashing changes. */
const MAGIC = 0x31676973;
const HEADER = 4;

/**
 * Four words (magic, entries, chunk hashes in all, bytes per object id), the object ids, then as 32-bit
 * words each entry's size and number of hashes, and all hashes and their byte counts, entry after entry.
 */
export function encodeSignatures(signatures: ReadonlyMap<string, Signature>): Buffer {
  const entries = [...signatures];
  const idBytes = entries.length > 0 ? entries[0]![0].length / 2 : 20;
  const usable = entries.filter(([oid]) => oid.length === idBytes * 2);
  let total = 0;
  for (const [, sig] of usable) total += sig.hashes.length;
  const n = usable.length;
  const words = new Uint32Array(HEADER + (n * idBytes) / 4 + 2 * n + 2 * total);
  words.set([MAGIC, n, total, idBytes]);
  const bytes = new Uint8Array(words.buffer);
  let at = HEADER;
  for (const [k, [oid]] of usable.entries()) bytes.set(Buffer.from(oid, 'hex'), 4 * HEADER + k * idBytes);
  at += (n * idBytes) / 4;
  for (const [, sig] of usable) {
    words[at++] = sig.size;
    words[at++] = sig.hashes.length;
  }
  for (const [, sig] of usable) {
    words.set(sig.hashes, at);
    at += sig.hashes.length;
  }
  for (const [, sig] of usable) {
    words.set(sig.counts, at);
    at += sig.counts.length;
  }
  return Buffer.from(bytes.buffer);
}

/** What `encodeSignatures` wrote, by blob; null when the bytes are not that. */
export function decodeSignatures(data: Uint8Array): Map<string, Signature> | null {
  if (data.length < 4 * HEADER || data.length % 4 !== 0) return null;
  // A copy of its own, so the words are aligned whatever buffer the bytes came in.
  const copy = new Uint8Array(data.length);
  copy.set(data);
  const words = new Uint32Array(copy.buffer);
  const [magic, n, total, idBytes] = words as unknown as [number, number, number, number];
  if (magic !== MAGIC || (idBytes !== 20 && idBytes !== 32) || words.length !== HEADER + (n * idBytes) / 4 + 2 * n + 2 * total) return null;
  const bytes = Buffer.from(words.buffer);
  let at = HEADER + (n * idBytes) / 4;
  const heads = at;
  let hashesAt = heads + 2 * n;
  let countsAt = hashesAt + total;
  const out = new Map<string, Signature>();
  for (let k = 0; k < n; k++, at += 2) {
    const length = words[at + 1]!;
    if (hashesAt + length > heads + 2 * n + total) return null;
    const hashes = words.subarray(hashesAt, hashesAt + length);
    for (let h = 0; h < length; h++) if (hashes[h]! >= HASH_BUCKETS || (h > 0 && hashes[h]! <= hashes[h - 1]!)) return null;
    out.set(bytes.toString('hex', 4 * HEADER + k * idBytes, 4 * HEADER + (k + 1) * idBytes), { size: words[at]!, hashes, counts: words.subarray(countsAt, countsAt + length) });
    hashesAt += length;
    countsAt += length;
  }
  return hashesAt === heads + 2 * n + total ? out : null;
}
