// Runs in Node at build time: reads page texts at past revisions (git blobs) for the history pages' diffs.
import { findRepository } from '../lib/history/repo-fs.ts';
import { ObjectStore } from '../lib/history/objects-fs.ts';
import type { BlobReader } from './revision-texts.ts';

export type { BlobReader };

/** Where the objects of the repository around `start` live (the main repository's git folder for a worktree). */
export const objectsDirFor = (start: string): string | undefined => findRepository(start)?.commondir;

/**
 * Reads through the history engine's own object store (packs, delta-base cache), as the engine does; the store opens
 * on the first read, so a build without history pages (or with a damaged repository) never opens it.
 * Texts are not kept: a build of a large wiki would otherwise hold every past version of every page.
 */
export function blobReader(commondir: string | undefined): BlobReader & { close(): void } {
  let store: ObjectStore | undefined;
  return {
    text: async (oid) => {
      if (!commondir) return undefined;
      store ??= new ObjectStore(commondir);
      return store.read(oid).then(({ content }) => content.toString('utf8'), () => undefined);
    },
    close: () => {
      store?.close();
      store = undefined;
    },
  };
}
