// Runs in Node at build time: reads page texts at past revisions (git blobs) for the history pages' diffs.
import { findRepository } from '../lib/history/repo-fs.ts';
import { ObjectStore } from '../lib/history/objects-fs.ts';
import type { BlobReader } from './revision-texts.ts';

export type { BlobReader };

/** Where the objects of the repository around `start` live (the main repository's git folder for a worktree). */
export const objectsDirFor = (start: string): string | undefined => findRepository(start)?.commondir;

/**
 * Reads through the history engine's own object store (packs, delta-base cache), as the engine does.
 * Texts are not kept: a build of a large wiki would otherwise hold every past version of every page.
 */
export function blobReader(commondir: string | undefined): BlobReader & { close(): void } {
  const store = commondir ? new ObjectStore(commondir) : undefined;
  return {
    text: async (oid) => (store ? store.read(oid).then(({ content }) => content.toString('utf8'), () => undefined) : undefined),
    close: () => store?.close(),
  };
}
