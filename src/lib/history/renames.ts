// Runs anywhere: pairs a commit's deleted and added pages into renames, exact (same blob) first, then by content similarity as git does.

export interface Side {
  path: string;
  blob: string;
}

export interface Rename {
  from: Side;
  to: Side;
}

/** git's default: a rename needs at least 50% similarity (diff.renames, -M50%). */
const RENAME_THRESHOLD = 0.5;
/** git's diff.renameLimit: beyond this many candidates on a side, only exact renames are found. */
const RENAME_LIMIT = 1000;

/**
 * Like git's estimate_similarity: bytes of the source found again in the destination, over the
 * larger of the two sizes. git hashes line-ish chunks; whole lines are close enough for text pages.
 */
function similarity(a: string, b: string): number {
  const sizeA = Buffer.byteLength(a);
  const sizeB = Buffer.byteLength(b);
  const larger = Math.max(sizeA, sizeB);
  if (larger === 0) return 1;
  // Cheap rejection, as git does: the size difference alone can rule a pair out.
  if (Math.min(sizeA, sizeB) < larger * RENAME_THRESHOLD) return 0;
  const counts = new Map<string, number>();
  for (const line of chunks(a)) counts.set(line, (counts.get(line) ?? 0) + 1);
  let shared = 0;
  for (const line of chunks(b)) {
    const left = counts.get(line);
    if (left) {
      counts.set(line, left - 1);
      shared += Buffer.byteLength(line);
    }
  }
  return shared / larger;
}

const chunks = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

export async function pairRenames(deleted: readonly Side[], added: readonly Side[], textOf: (blob: string) => Promise<string>): Promise<Rename[]> {
  const renames: Rename[] = [];
  const freeDeleted = new Set(deleted);
  const freeAdded: Side[] = [];
  const byBlob = new Map<string, Side[]>();
  for (const d of deleted) byBlob.set(d.blob, [...(byBlob.get(d.blob) ?? []), d]);
  for (const a of added) {
    const same = byBlob.get(a.blob)?.find((d) => freeDeleted.has(d));
    if (same) {
      freeDeleted.delete(same);
      renames.push({ from: same, to: a });
    } else freeAdded.push(a);
  }
  if (freeDeleted.size === 0 || freeAdded.length === 0 || freeDeleted.size > RENAME_LIMIT || freeAdded.length > RENAME_LIMIT) return renames;
  const scored: { score: number; from: Side; to: Side }[] = [];
  for (const to of freeAdded) {
    const toText = await textOf(to.blob);
    for (const from of freeDeleted) {
      const score = similarity(await textOf(from.blob), toText);
      if (score >= RENAME_THRESHOLD) scored.push({ score, from, to });
    }
  }
  // Best pairs first; git also prefers a source with the same file name, which only breaks ties.
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  scored.sort((x, y) => y.score - x.score || Number(base(y.from.path) === base(y.to.path)) - Number(base(x.from.path) === base(x.to.path)));
  const usedTo = new Set<Side>();
  for (const s of scored) {
    if (!freeDeleted.has(s.from) || usedTo.has(s.to)) continue;
    freeDeleted.delete(s.from);
    usedTo.add(s.to);
    renames.push({ from: s.from, to: s.to });
  }
  return renames;
}
