// Runs at build time in the pages: the diffs of a page's revisions, from the blobs the history engine names, read through the integration's reader.
import type { Revision } from '../lib/history/types.ts';
import { diffMerge, type CombinedDiff } from '../lib/site/merge-diff.ts';
import { diffRevision, type RevisionDiff } from '../lib/site/revision-diff.ts';
import { revisionTexts, type BlobReader } from '../integration/revision-texts.ts';

/** Lines shown per diff, and characters of diff text per history page: with the markup, a page stays under 1 MB. */
const MAX_DIFF_LINES = 300;
const MAX_PAGE_CHARS = 250_000;

/** A merge's diff comes with its parents' commits, for the columns' headings. */
export type ShownDiff = RevisionDiff | (CombinedDiff & { parentCommits: string[] });

/**
 * The paths to look the page up at in a merge's other parents: its path at the merge, the first parent's, then every
 * path the page had in its history, newest first (a branch may have had it under an older name).
 */
function pathsFor(revision: Revision, all: readonly Revision[]): string[] {
  return [...new Set([revision.path, ...(revision.previousPath ? [revision.previousPath] : []), ...all.map((r) => r.path)])];
}

/**
 * A merge revision is drawn against every parent (`git show --cc`), the first parent's version being the one the
 * engine matched; undefined when a parent's version cannot be read.
 */
async function mergeDiff(texts: BlobReader, revision: Revision, all: readonly Revision[], after: string, budget: number): Promise<ShownDiff | undefined> {
  const parents = await texts.mergeParents(revision.commit, pathsFor(revision, all));
  if (!parents || parents.length < 2) return undefined;
  const blobs = parents.map((p, i) => (i === 0 ? revision.parentBlob : p.blob));
  const versions: (string | null)[] = [];
  for (const blob of blobs) {
    const text = blob === null ? null : await texts.text(blob);
    if (text === undefined) return undefined;
    versions.push(text);
  }
  return { ...diffMerge(versions, after, { maxLines: MAX_DIFF_LINES, maxChars: budget }), parentCommits: parents.map((p) => p.commit) };
}

/**
 * The reader with the texts of one history page kept: a revision's text before is, most often, the next older
 * revision's text after, so each is read and inflated once per page (and dropped with the page).
 */
function cachedTexts(reader: BlobReader | undefined): BlobReader | undefined {
  if (!reader) return undefined;
  const read = new Map<string, Promise<string | undefined>>();
  return {
    text: (oid) => {
      let found = read.get(oid);
      if (!found) read.set(oid, (found = reader.text(oid)));
      return found;
    },
    mergeParents: (commit, paths) => reader.mergeParents(commit, paths),
  };
}

/**
 * Each revision's diff by commit; undefined where a blob cannot be read (e.g. beyond a shallow clone's boundary).
 * `all` is the page's whole history (the revisions shown may be one page of it): where a merge's parents had the page.
 */
export async function revisionDiffs(revisions: readonly Revision[], all: readonly Revision[] = revisions): Promise<Map<string, ShownDiff | undefined>> {
  const diffs = new Map<string, ShownDiff | undefined>();
  let budget = MAX_PAGE_CHARS;
  const texts = cachedTexts(revisionTexts());
  for (const revision of revisions) {
    const after = await texts?.text(revision.blob);
    let diff: ShownDiff | undefined;
    if (texts && after !== undefined && revision.merge) diff = await mergeDiff(texts, revision, all, after, budget);
    else {
      const before = revision.parentBlob === null ? null : await texts?.text(revision.parentBlob);
      const readable = after !== undefined && (revision.parentBlob === null || before !== undefined);
      diff = readable ? diffRevision(before ?? null, after!, { maxLines: MAX_DIFF_LINES, maxChars: budget }) : undefined;
    }
    budget -= diff?.chars ?? 0;
    diffs.set(revision.commit, diff);
  }
  return diffs;
}
