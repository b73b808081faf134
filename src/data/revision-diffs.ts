// Runs at build time in the pages: the diffs of a page's revisions, from the blobs the history engine names, read through the integration's reader.
import type { Revision } from '../lib/history/types.ts';
import { diffRevision, type RevisionDiff } from '../lib/site/revision-diff.ts';
import { revisionTexts } from '../integration/revision-texts.ts';

/** Lines shown per diff, and characters of diff text per history page: with the markup, a page stays under 1 MB. */
const MAX_DIFF_LINES = 300;
const MAX_PAGE_CHARS = 250_000;

/** Each revision's diff by commit; undefined where a blob cannot be read (e.g. beyond a shallow clone's boundary). */
export async function revisionDiffs(revisions: readonly Revision[]): Promise<Map<string, RevisionDiff | undefined>> {
  const diffs = new Map<string, RevisionDiff | undefined>();
  let budget = MAX_PAGE_CHARS;
  const texts = revisionTexts();
  for (const revision of revisions) {
    const after = await texts?.text(revision.blob);
    const before = revision.parentBlob === null ? null : await texts?.text(revision.parentBlob);
    const readable = after !== undefined && (revision.parentBlob === null || before !== undefined);
    const diff = readable ? diffRevision(before ?? null, after!, { maxLines: MAX_DIFF_LINES, maxChars: budget }) : undefined;
    budget -= diff?.chars ?? 0;
    diffs.set(revision.commit, diff);
  }
  return diffs;
}
