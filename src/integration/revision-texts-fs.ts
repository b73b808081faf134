// Runs in Node at build time: reads page texts at past revisions (git blobs) for the history pages' diffs.
import { parseCommit, parseTree } from '../lib/history/git-objects.ts';
import { ObjectStore } from '../lib/history/objects-fs.ts';
import { blobAt, indexEntries } from '../lib/history/outside-diff.ts';
import type { BlobReader, ParentVersion } from './revision-texts.ts';

export type { BlobReader, ParentVersion };

class MissingTree extends Error {}

/**
 * Reads through the history engine's own object store (packs, delta-base cache), as the engine does; the store opens
 * on the first read, so a build without history pages (or with a damaged repository) never opens it.
 * Texts are not kept: a build of a large wiki would otherwise hold every past version of every page.
 */
export function blobReader(commondir: string | undefined): BlobReader & { close(): void } {
  let store: ObjectStore | undefined;
  const open = (): ObjectStore | undefined => (commondir ? (store ??= new ObjectStore(commondir)) : undefined);
  /** The object's content, or undefined when it is absent or not of that type. */
  const read = async (oid: string, type: 'commit' | 'tree'): Promise<Buffer | undefined> => {
    const objects = open();
    if (!objects?.has(oid)) return undefined;
    const object = await objects.read(oid);
    return object.type === type ? object.content : undefined;
  };
  const readIndex = async (oid: string) => {
    const content = await read(oid, 'tree');
    if (!content) throw new MissingTree();
    return indexEntries(parseTree(content));
  };
  return {
    text: async (oid) => {
      if (!commondir) return undefined;
      store ??= new ObjectStore(commondir);
      // Absent is expected (beyond a shallow clone's boundary, pruned); a blob that is there but unreadable throws its GitObjectError.
      if (!store.has(oid)) return undefined;
      return (await store.read(oid)).content.toString('utf8');
    },
    mergeParents: async (commit, paths) => {
      const merge = await read(commit, 'commit');
      if (!merge) return undefined;
      const parents: ParentVersion[] = [];
      for (const parent of parseCommit(merge).parents) {
        const content = await read(parent, 'commit');
        if (!content) return undefined;
        const root = parseCommit(content).tree;
        let blob: string | null = null;
        try {
          for (const p of paths) if ((blob = await blobAt(readIndex, root, p)) !== null) break;
        } catch (error) {
          // Absent like a blob beyond a shallow clone's boundary; a tree that is there but damaged throws its own error.
          if (error instanceof MissingTree) return undefined;
          throw error;
        }
        parents.push({ commit: parent, blob });
      }
      return parents;
    },
    close: () => {
      store?.close();
      store = undefined;
    },
  };
}
