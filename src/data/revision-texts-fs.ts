// Runs in Node at build time: reads page texts at past revisions (git blobs) for the history pages' diffs.
import { findRepository } from '../lib/history/repo-fs.ts';
import { ObjectStore } from '../lib/history/objects-fs.ts';

/** Where the objects of the repository around `start` live (the main repository's git folder for a worktree). */
export const objectsDirFor = (start: string): string | undefined => findRepository(start)?.commondir;

export interface BlobReader {
  /**
   * The blob's text; undefined when the repository does not have it (beyond a shallow clone's boundary,
   * a pruned object). A blob that is there but cannot be read throws the engine's GitObjectError.
   */
  text(oid: string): Promise<string | undefined>;
  /** Closes the object store's pack files; call it when the build is done. */
  close(): void;
}

/**
 * Reads through the history engine's own object store (packs, delta-base cache), as the engine does.
 * Texts are not kept: a build of a large wiki would otherwise hold every past version of every page.
 */
export function blobReader(commondir: string | undefined): BlobReader {
  const store = commondir ? new ObjectStore(commondir) : undefined;
  return {
    text: async (oid) => (store?.has(oid) ? (await store.read(oid)).content.toString('utf8') : undefined),
    close: () => store?.close(),
  };
}
