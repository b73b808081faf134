// Runs anywhere: pairs a commit's deleted and added pages into renames, exact (same blob) first, then by content similarity as git does.
import { similarity, sizesRuleOut, type Signature } from './similarity.ts';

export interface Side {
  path: string;
  blob: string;
}

export interface Rename {
  from: Side;
  to: Side;
}

/** git's default: a rename needs at least 50% similarity (diff.renames, -M50%). */
export const RENAME_THRESHOLD = 0.5;
/**
 * git's diff.renameLimit (1000): when sources × destinations left after exact pairing exceed its
 * square, git skips inexact detection and finds exact renames only.
 */
const RENAME_LIMIT = 1000;

export async function pairRenames(deleted: readonly Side[], added: readonly Side[], signatureOf: (blob: string) => Promise<Signature>): Promise<Rename[]> {
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
  if (freeDeleted.size === 0 || freeAdded.length === 0 || freeDeleted.size * freeAdded.length > RENAME_LIMIT * RENAME_LIMIT) return renames;
  const scored: { score: number; from: Side; to: Side }[] = [];
  for (const to of freeAdded) {
    const toSig = await signatureOf(to.blob);
    for (const from of freeDeleted) {
      const fromSig = await signatureOf(from.blob);
      if (sizesRuleOut(fromSig.size, toSig.size, RENAME_THRESHOLD)) continue;
      const score = similarity(fromSig, toSig);
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
