// Runs anywhere (given readers): a file's history before it moved into the content folder, walked back from a commit as `git log --follow` does, until its creation.
import { blobAt, deletedFiles, type ReadTreeIndex } from './outside-diff.ts';
import { pairRenames, type Rename } from './renames.ts';
import type { Signature } from './similarity.ts';
import type { ReadTree } from './tree-diff.ts';

export interface FollowReaders {
  readCommit: (oid: string) => Promise<{ tree: string; parents: string[] }>;
  readTree: ReadTree;
  readTreeIndex: ReadTreeIndex;
  signatureOf: (blob: string) => Promise<Signature>;
  shallow: ReadonlySet<string>;
}

/** One commit that changed the file: its path and blob there, the blob before (null: created), and the path before when it was renamed. */
export interface FollowStep {
  commit: string;
  path: string;
  blob: string;
  parentBlob: string | null;
  previousPath?: string;
}

/** The commits that changed `path` up to and including `start`, oldest first; empty when `start` has no such file. */
export async function followBack(io: FollowReaders, start: string, path: string): Promise<FollowStep[]> {
  const steps: FollowStep[] = [];
  let at = start;
  let file = path;
  const last = await blobAt(io.readTreeIndex, (await io.readCommit(at)).tree, file);
  if (last === null) return steps;
  let blob: string = last;
  for (;;) {
    const commit = await io.readCommit(at);
    const parents = io.shallow.has(at) ? [] : commit.parents;
    const roots = await Promise.all(parents.map(async (p) => (await io.readCommit(p)).tree));
    const before = await Promise.all(roots.map((root) => blobAt(io.readTreeIndex, root, file)));
    // A parent with the same blob: the change happened on its side (git's history simplification).
    const same = before.indexOf(blob);
    if (same >= 0) {
      at = parents[same]!;
      continue;
    }
    const having = before.findIndex((b) => b !== null);
    if (having >= 0) {
      steps.push({ commit: at, path: file, blob, parentBlob: before[having]! });
      at = parents[having]!;
      blob = before[having]!;
      continue;
    }
    // Created here, unless it was renamed from a file this commit deleted anywhere in the repository.
    const rename: Rename | undefined = parents.length > 0 ? (await pairRenames(await deletedFiles(io.readTree, roots[0]!, commit.tree, ''), [{ path: file, blob }], io.signatureOf))[0] : undefined;
    if (!rename) {
      steps.push({ commit: at, path: file, blob, parentBlob: null });
      break;
    }
    steps.push({ commit: at, path: file, blob, parentBlob: rename.from.blob, previousPath: rename.from.path });
    at = parents[0]!;
    file = rename.from.path;
    blob = rename.from.blob;
  }
  return steps.reverse();
}
