// Runs in Node at build time: reads page texts at past revisions (git blobs) for the history pages' diffs.
import { ObjectStore } from '../lib/history/objects-fs.ts';
import type { BlobReader } from './revision-texts.ts';

export type { BlobReader };

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
      // Absent is expected (beyond a shallow clone's boundary, pruned); a blob that is there but unreadable throws its GitObjectError.
      if (!store.has(oid)) return undefined;
      return (await store.read(oid)).content.toString('utf8');
    },
    close: () => {
      store?.close();
      store = undefined;
    },
  };
}
