// Runs anywhere: the commit id brand, so a commit's OID is never mixed up with a blob's, a path or a commit index.
import { InvalidIdError } from './errors.ts';

/** A commit's object id: 40 lowercase hex digits (SHA-1), or 64 (SHA-256). */
export type CommitId = string & { readonly __brand: 'CommitId' };

const COMMIT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export const isCommitId = (raw: string): raw is CommitId => COMMIT_ID.test(raw);

/** The commit id `raw` spells; throws InvalidIdError for anything else (upper case, abbreviated, a ref name). */
export function toCommitId(raw: string): CommitId {
  if (!isCommitId(raw)) throw new InvalidIdError('a commit id', raw, 'a commit id is 40 or 64 lowercase hex digits');
  return raw;
}

/** `toCommitId` for a whole list, checked in one pass: the cache holds tens of thousands. */
export function toCommitIds(raw: readonly string[]): CommitId[] {
  let sameLength = true;
  for (const id of raw) if (id.length !== 40 && id.length !== 64) sameLength = false;
  if (sameLength && /^[0-9a-f]*$/.test(raw.join(''))) return raw as CommitId[];
  return raw.map(toCommitId);
}
