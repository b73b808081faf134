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

interface Tracked {
  at: string;
  file: string;
  blob: string;
  steps: FollowStep[];
}

/**
 * For each of `paths` (files of `start`), the commits that changed it up to and including `start`,
 * oldest first; empty when `start` has no such file. All files are walked back together, newest
 * commit first (`order` gives a commit's place in the walk), so each commit's trees are read once.
 */
export async function followBack(io: FollowReaders, start: string, paths: readonly string[], order: (commit: string) => number): Promise<FollowStep[][]> {
  const root = (await io.readCommit(start)).tree;
  const all: Tracked[] = [];
  const open: Tracked[] = [];
  for (const file of paths) {
    const blob = await blobAt(io.readTreeIndex, root, file);
    const t: Tracked = { at: start, file, blob: blob ?? '', steps: [] };
    all.push(t);
    if (blob !== null) open.push(t);
  }
  while (open.length > 0) {
    // The newest commit any file waits at; its children are all done.
    let best = 0;
    for (let i = 1; i < open.length; i++) if (order(open[i]!.at) > order(open[best]!.at)) best = i;
    const at = open[best]!.at;
    const here = open.filter((t) => t.at === at);
    const commit = await io.readCommit(at);
    const parents = io.shallow.has(at) ? [] : commit.parents;
    const roots = await Promise.all(parents.map(async (p) => (await io.readCommit(p)).tree));
    for (const t of here) {
      if (!(await stepBack(io, t, commit.tree, parents, roots))) open.splice(open.indexOf(t), 1);
    }
  }
  return all.map((t) => t.steps.reverse());
}

/** Moves one file back past its commit; false when the commit created it. */
async function stepBack(io: FollowReaders, t: Tracked, tree: string, parents: string[], roots: string[]): Promise<boolean> {
  const before = await Promise.all(roots.map((r) => blobAt(io.readTreeIndex, r, t.file)));
  // A parent with the same blob: the change happened on its side (git's history simplification).
  const same = before.indexOf(t.blob);
  if (same >= 0) {
    t.at = parents[same]!;
    return true;
  }
  const having = before.findIndex((b) => b !== null);
  if (having >= 0) {
    t.steps.push({ commit: t.at, path: t.file, blob: t.blob, parentBlob: before[having]! });
    t.at = parents[having]!;
    t.blob = before[having]!;
    return true;
  }
  // Created here, unless it was renamed from a file this commit deleted anywhere in the repository.
  const rename: Rename | undefined = parents.length > 0 ? (await pairRenames(await deletedFiles(io.readTree, roots[0]!, tree, ''), [{ path: t.file, blob: t.blob }], io.signatureOf))[0] : undefined;
  if (!rename) {
    t.steps.push({ commit: t.at, path: t.file, blob: t.blob, parentBlob: null });
    return false;
  }
  t.steps.push({ commit: t.at, path: t.file, blob: t.blob, parentBlob: rename.from.blob, previousPath: rename.from.path });
  t.at = parents[0]!;
  t.file = rename.from.path;
  t.blob = rename.from.blob;
  return true;
}
