// Runs anywhere: pairs a commit's deleted and added pages into renames, exact (same blob) first, then by content similarity as git does.
import { MAX_SCORE, score as scoreOf, sizesRuleOut, type Signature } from './similarity.ts';

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
/** The threshold as git's integer score. */
export const MIN_SCORE = RENAME_THRESHOLD * MAX_SCORE;
/**
 * git's diff.renameLimit (1000): when sources × destinations left after exact pairing exceed its
 * square, git skips inexact detection and finds exact renames only.
 */
const RENAME_LIMIT = 1000;

/**
 * How sources that are only candidates (files outside the content folder) are read: size first, as
 * git scores sizes before content; null when the file cannot be read, which leaves it out.
 */
export interface CandidateReader {
  size: (side: Side) => Promise<number | null>;
  signature: (side: Side) => Promise<Signature | null>;
}

export async function pairRenames(deleted: readonly Side[], added: readonly Side[], signatureOf: (blob: string) => Promise<Signature>, candidates?: CandidateReader): Promise<Rename[]> {
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
      const size = candidates ? await candidates.size(from) : null;
      if (size !== null && sizesRuleOut(size, toSig.size, RENAME_THRESHOLD)) continue;
      const fromSig = candidates ? await candidates.signature(from) : await signatureOf(from.blob);
      if (!fromSig || sizesRuleOut(fromSig.size, toSig.size, RENAME_THRESHOLD)) continue;
      const score = scoreOf(fromSig, toSig);
      if (score >= MIN_SCORE) scored.push({ score, from, to });
    }
  }
  // Best pairs first; git also prefers a source with the same file name, which only breaks ties.
  scored.sort((x, y) => y.score - x.score || Number(baseName(y.from.path) === baseName(y.to.path)) - Number(baseName(x.from.path) === baseName(x.to.path)));
  const usedTo = new Set<Side>();
  for (const s of scored) {
    if (!freeDeleted.has(s.from) || usedTo.has(s.to)) continue;
    freeDeleted.delete(s.from);
    usedTo.add(s.to);
    renames.push({ from: s.from, to: s.to });
  }
  return renames;
}

export const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);
