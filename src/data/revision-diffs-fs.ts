// Runs in Node at build time: the diffs of a page's revisions, from the blobs the history engine names.
import type { Revision } from '../lib/history/types.ts';
import { diffRevision, type RevisionDiff } from '../lib/attribution/revision-diff.ts';
import { loadWikiConfig } from '../lib/wiki-fs.ts';
import { blobReader, objectsDirFor } from './revision-texts-fs.ts';

let reader: ReturnType<typeof blobReader> | undefined;
const texts = () => (reader ??= blobReader(objectsDirFor(loadWikiConfig().contentDir)));

/** Lines shown per diff; with 50 revisions a page this keeps a history page well under 1 MB. */
const MAX_DIFF_LINES = 300;

/** Each revision's diff by commit; undefined where a blob cannot be read (e.g. beyond a shallow clone's boundary). */
export async function revisionDiffs(revisions: readonly Revision[]): Promise<Map<string, RevisionDiff | undefined>> {
  const diffs = new Map<string, RevisionDiff | undefined>();
  for (const revision of revisions) {
    const after = await texts().text(revision.blob);
    const before = revision.parentBlob === null ? null : await texts().text(revision.parentBlob);
    const readable = after !== undefined && (revision.parentBlob === null || before !== undefined);
    diffs.set(revision.commit, readable ? diffRevision(before ?? null, after!, { maxLines: MAX_DIFF_LINES }) : undefined);
  }
  return diffs;
}
