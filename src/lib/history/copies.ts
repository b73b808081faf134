// Runs anywhere: where an added page was copied from, as `git log --follow` decides it (try_to_follow_renames: copies harder, one destination), and a chunk index that keeps that search cheap.
import { MIN_SCORE, RENAME_THRESHOLD, baseName, type CandidateReader, type Side } from './renames.ts';
import { HASH_BUCKETS, score, sizesRuleOut, type Signature } from './similarity.ts';

/** A file of the parent commit that a page may have been copied from; `deleted`: the commit deleted it (a rename source to git). */
export interface CopySource {
  path: string;
  blob: string;
  deleted: boolean;
}

/** git stops comparing identical files after this many alternatives (find_identical_files). */
const MAX_IDENTICAL = 100;
/** git keeps this many best sources per destination in its score matrix (NUM_CANDIDATE_PER_DST). */
const CANDIDATES_PER_DESTINATION = 4;

/** git's order of the parent's files: by path, byte by byte, which is the full tree's walk order. */
const byPath = (a: CopySource, b: CopySource) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * The source git's `--follow` takes for `destination`, or undefined. Exact (same blob) sources win:
 * a deleted one and one with the same file name score a point each, the first best in path order
 * wins. Otherwise the sources scoring at least 50% (`scored`, git's integer scores) are ranked by
 * score, then same file name, then path; of the best four a deleted one is taken first (git's rename
 * pass before its copy pass), else the best.
 */
export function chooseCopySource(destination: string, identical: readonly CopySource[], scored: readonly { source: CopySource; score: number }[]): CopySource | undefined {
  const name = baseName(destination);
  const sameName = (s: CopySource) => (baseName(s.path) === name ? 1 : 0);
  let best: CopySource | undefined;
  let bestScore = -1;
  for (const source of [...identical].sort(byPath).slice(0, MAX_IDENTICAL)) {
    const points = (source.deleted ? 1 : 0) + sameName(source);
    if (points > bestScore) {
      best = source;
      bestScore = points;
      if (points === 2) break;
    }
  }
  if (best) return best;
  const ranked = scored
    .filter((s) => s.score >= MIN_SCORE)
    .sort((x, y) => y.score - x.score || sameName(y.source) - sameName(x.source) || byPath(x.source, y.source))
    .slice(0, CANDIDATES_PER_DESTINATION);
  return (ranked.find((s) => s.source.deleted) ?? ranked[0])?.source;
}

/**
 * The source git's `--follow` takes for `destination` among
 * `sources`, every file of the parent commit: same blob first, else each source its size leaves in
 * is read and scored. A source the reader cannot read is left out.
 */
export async function findCopySource(destination: Side, signatureOf: (blob: string) => Promise<Signature>, sources: readonly CopySource[], read: CandidateReader): Promise<CopySource | undefined> {
  const identical = sources.filter((s) => s.blob === destination.blob);
  if (identical.length > 0) return chooseCopySource(destination.path, identical, []);
  const signature = await signatureOf(destination.blob);
  const scored: { source: CopySource; score: number }[] = [];
  for (const source of sources) {
    const size = await read.size(source);
    if (size === null || sizesRuleOut(size, signature.size, RENAME_THRESHOLD)) continue;
    const sig = await read.signature(source);
    if (sig) scored.push({ source, score: score(sig, signature) });
  }
  return chooseCopySource(destination.path, [], scored);
}

/**
 * Every page version (path and blob) the walk has met, with each chunk hash's postings: a destination
 * is scored only against versions that share enough of its chunks to reach 50%, never against all.
 * Versions stay indexed after their page changes; callers check which are in the parent they search.
 */
export class PageVersionIndex {
  private readonly ids = new Map<string, number>();
  private readonly paths: string[] = [];
  private readonly blobs: string[] = [];
  private readonly signatures: Signature[] = [];
  private readonly byBlob = new Map<string, number[]>();
  /**
   * Each chunk hash's postings sit in one slab, at `starts[hash]`, `lengths[hash]` of `capacities[hash]`
   * in use: thousands of small typed arrays cost far more to make (and collect) than one large one.
   */
  private slab = new Int32Array(1 << 16);
  private used = 0;
  private readonly starts = new Int32Array(HASH_BUCKETS);
  private readonly capacities = new Int32Array(HASH_BUCKETS);
  private readonly lengths = new Int32Array(HASH_BUCKETS);

  private post(hash: number, id: number): void {
    const n = this.lengths[hash]!;
    if (n === this.capacities[hash]) {
      const capacity = Math.max(4, n * 2);
      if (this.used + capacity > this.slab.length) this.makeRoom(capacity);
      this.slab.copyWithin(this.used, this.starts[hash]!, this.starts[hash]! + n);
      this.starts[hash] = this.used;
      this.capacities[hash] = capacity;
      this.used += capacity;
    }
    this.slab[this.starts[hash]! + n] = id;
    this.lengths[hash] = n + 1;
  }

  /** Twice the slab; or, when at least half of it is postings that grew and moved away, the live ones packed into a new one. */
  private makeRoom(needed: number): void {
    let live = 0;
    for (let h = 0; h < HASH_BUCKETS; h++) live += this.capacities[h]!;
    if (2 * live >= this.used) {
      const grown = new Int32Array(2 * this.slab.length + needed);
      grown.set(this.slab.subarray(0, this.used));
      this.slab = grown;
      return;
    }
    const slab = new Int32Array(Math.max(this.slab.length, 2 * (live + needed)));
    let at = 0;
    for (let h = 0; h < HASH_BUCKETS; h++) {
      const capacity = this.capacities[h]!;
      if (capacity === 0) continue;
      slab.set(this.slab.subarray(this.starts[h]!, this.starts[h]! + this.lengths[h]!), at);
      this.starts[h] = at;
      at += capacity;
    }
    this.slab = slab;
    this.used = at;
  }

  has(path: string, blob: string): boolean {
    return this.ids.has(`${path}\0${blob}`);
  }

  add(path: string, blob: string, signature: Signature): void {
    const key = `${path}\0${blob}`;
    if (this.ids.has(key)) return;
    const id = this.paths.length;
    this.ids.set(key, id);
    this.paths.push(path);
    this.blobs.push(blob);
    this.signatures.push(signature);
    const same = this.byBlob.get(blob);
    if (same) same.push(id);
    else this.byBlob.set(blob, [id]);
    for (const hash of signature.hashes) this.post(hash, id);
  }

  /** The signature indexed for this blob, if any version has it. */
  signatureOf(blob: string): Signature | undefined {
    const id = this.byBlob.get(blob)?.[0];
    return id === undefined ? undefined : this.signatures[id];
  }

  /** Indexed versions with this blob. */
  withBlob(blob: string): { path: string; blob: string }[] {
    return (this.byBlob.get(blob) ?? []).map((id) => ({ path: this.paths[id]!, blob }));
  }

  /**
   * Indexed versions that may score at least 50% against `destination`, with their scores. The most
   * common chunks are skipped only while, together, they stay under half the destination: a version
   * sharing none of the other chunks cannot reach 50%, so skipping them never changes the answer.
   */
  scoredAgainst(destination: Signature, keep: (path: string, blob: string) => boolean): { path: string; blob: string; score: number }[] {
    const size = destination.size;
    if (size === 0) return [];
    const order = [...destination.hashes.keys()].sort((a, b) => this.lengths[destination.hashes[b]!]! - this.lengths[destination.hashes[a]!]!);
    let skipped = 0;
    const bound = new Map<number, number>();
    for (const k of order) {
      const bytes = destination.counts[k]!;
      if (2 * (skipped + bytes) < size) {
        skipped += bytes;
        continue;
      }
      const hash = destination.hashes[k]!;
      const start = this.starts[hash]!;
      const end = start + this.lengths[hash]!;
      for (let i = start; i < end; i++) bound.set(this.slab[i]!, (bound.get(this.slab[i]!) ?? 0) + bytes);
    }
    const out: { path: string; blob: string; score: number }[] = [];
    for (const [id, bytes] of bound) {
      const signature = this.signatures[id]!;
      if (sizesRuleOut(signature.size, size, 0.5) || 2 * (bytes + skipped) < Math.max(signature.size, size)) continue;
      const path = this.paths[id]!;
      const blob = this.blobs[id]!;
      if (!keep(path, blob)) continue;
      const s = score(signature, destination);
      if (s >= MIN_SCORE) out.push({ path, blob, score: s });
    }
    return out;
  }
}
