// Runs anywhere (given readers): a file's history before it moved into the content folder, walked back from a commit as `git log --follow` does (every parent of a merge, copies, a path deleted and created again), until its creation.
import { InternalError } from './errors.ts';
import { findCopySource } from './copies.ts';
import { blobAt, deletedFiles, regularFiles, type ReadTreeIndex } from './outside-diff.ts';
import { pairRenames, type CandidateReader, type Rename } from './renames.ts';
import type { Signature } from './similarity.ts';
import type { ReadTree } from './tree-diff.ts';

export interface FollowReaders {
  readCommit: (oid: string) => Promise<{ tree: string; parents: string[] }>;
  readTree: ReadTree;
  readTreeIndex: ReadTreeIndex;
  signatureOf: (blob: string) => Promise<Signature>;
  /** How files the commit deleted are read as rename sources (unreadable ones are left out). */
  candidates?: CandidateReader;
  shallow: ReadonlySet<string>;
}

/**
 * One commit whose version of the file differs from every parent's: its path and blob there, and
 * for each parent walked (none when the commit created the file) the step that parent's version
 * comes from, or null when that parent has no such file. Merges have one entry per parent.
 */
export interface FollowStep {
  commit: string;
  path: string;
  /** Empty when the commit deleted the file (`deleted`). */
  blob: string;
  /** Indexes into the same history's `steps`, always of earlier steps. */
  parents: (number | null)[];
  /** The first parent's blob (null: created, or new on the first parent's side). */
  parentBlob: string | null;
  /** Set when the commit renamed the file: its path before. */
  previousPath?: string;
  /** Set when the commit created the file as a copy of one it kept: that file's path. */
  copiedFrom?: string;
  /**
   * The commit deleted the file, which a later commit created again at the same path: git follows the
   * path name across the gap, as the main walk's graves do for pages. Its one parent is the version deleted.
   */
  deleted?: true;
}

/** A file's followed history: its steps, parents before children (by `order`), and the step whose version the start commit has. */
export interface FollowedHistory {
  steps: FollowStep[];
  last: number;
}

/** The file as one commit has it, waiting to be walked past that commit. */
interface Node {
  file: number;
  commit: string;
  path: string;
  blob: string;
  /** The commit changed the file: its step. */
  step?: PendingStep;
  /** The commit kept a parent's version: that parent's node (git's history simplification). */
  via?: Node;
  /** The commit has no file at `path` (blob empty): walked back to the commit that deleted it, if any. */
  gap?: true;
}

interface PendingStep {
  commit: string;
  path: string;
  blob: string;
  parents: (Node | null)[];
  previousPath?: string;
  copiedFrom?: string;
  deleted?: true;
}

type NodeAt = (file: number, commit: string, path: string, blob: string | null) => Node;

/**
 * For each of `paths` (files of `start`), the commits that changed it up to and including `start`;
 * null when `start` has no such file. All files are walked back together, newest commit first
 * (`order` gives a commit's place in the walk, parents before children), so each commit's trees are read once.
 */
export async function followBack(io: FollowReaders, start: string, paths: readonly string[], order: (commit: string) => number): Promise<(FollowedHistory | null)[]> {
  const root = (await io.readCommit(start)).tree;
  const starts: (Node | null)[] = [];
  const nodes = new Map<string, Node>();
  const open: Node[] = [];
  // A null blob: a gap node (a commit never both has and lacks a path, so keys never collide).
  const nodeAt: NodeAt = (file, commit, path, blob) => {
    const key = `${file}\0${commit}\0${path}`;
    let node = nodes.get(key);
    if (!node) {
      node = blob === null ? { file, commit, path, blob: '', gap: true } : { file, commit, path, blob };
      nodes.set(key, node);
      open.push(node);
    }
    return node;
  };
  for (const [file, path] of paths.entries()) {
    const blob = await blobAt(io.readTreeIndex, root, path);
    starts.push(blob === null ? null : nodeAt(file, start, path, blob));
  }
  const steps: PendingStep[][] = paths.map(() => []);
  while (open.length > 0) {
    // The newest commit any node waits at: all its children are done.
    let best = 0;
    for (let i = 1; i < open.length; i++) if (order(open[i]!.commit) > order(open[best]!.commit)) best = i;
    const at = open[best]!.commit;
    const here = open.filter((n) => n.commit === at);
    for (const n of here) open.splice(open.indexOf(n), 1);
    const commit = await io.readCommit(at);
    const parents = io.shallow.has(at) ? [] : commit.parents;
    const roots = await Promise.all(parents.map(async (p) => (await io.readCommit(p)).tree));
    for (const n of here) {
      const step = n.gap ? await stepGap(io, n, parents, roots, nodeAt) : await stepBack(io, n, commit.tree, parents, roots, nodeAt);
      if (step) steps[n.file]!.push(step);
    }
  }
  return starts.map((node, file) => (node ? ordered(node, steps[file]!, order) : null));
}

/** Walks one node past its commit: to the parent with the same blob, or a step to every parent that has the file (or the file it was renamed from on that parent's side). */
async function stepBack(
  io: FollowReaders,
  n: Node,
  tree: string,
  parents: readonly string[],
  roots: readonly string[],
  nodeAt: NodeAt,
): Promise<PendingStep | null> {
  const before = await Promise.all(roots.map((r) => blobAt(io.readTreeIndex, r, n.path)));
  // A parent with the same blob: the change happened on its side; git follows that parent only.
  const same = before.indexOf(n.blob);
  if (same >= 0) {
    n.via = nodeAt(n.file, parents[same]!, n.path, n.blob);
    return null;
  }
  // Every parent that has the file, at this path or (a rename on that parent's side) at the path it was
  // renamed from there; none: the commit created it.
  if (parents.length === 1 && before[0] === null) return created(io, n, tree, parents[0]!, roots[0]!, nodeAt);
  const sources: (Node | null)[] = [];
  let previousPath: string | undefined;
  for (const [p, blob] of before.entries()) {
    if (blob !== null) {
      sources.push(nodeAt(n.file, parents[p]!, n.path, blob));
      continue;
    }
    const rename: Rename | undefined = (await pairRenames(await deletedFiles(io.readTree, roots[p]!, tree), [{ path: n.path, blob: n.blob }], io.signatureOf, io.candidates))[0];
    sources.push(rename ? nodeAt(n.file, parents[p]!, rename.from.path, rename.from.blob) : null);
    if (rename && p === 0) previousPath = rename.from.path;
  }
  const step: PendingStep = { commit: n.commit, path: n.path, blob: n.blob, parents: sources.some((s) => s !== null) ? sources : [] };
  if (previousPath !== undefined) step.previousPath = previousPath;
  n.step = step;
  return step;
}

/**
 * A commit with one parent that has no file at the node's path: git's `--follow` looks for a rename
 * or copy source among all the parent's files (try_to_follow_renames: copies, harder); with none,
 * the commit created the file, and git goes on following the same path name in the parent (a gap).
 */
async function created(io: FollowReaders, n: Node, tree: string, parent: string, root: string, nodeAt: NodeAt): Promise<PendingStep> {
  const deleted = new Set((await deletedFiles(io.readTree, root, tree)).map((d) => d.path));
  const files = (await regularFiles(io.readTree, root)).map((f) => ({ ...f, deleted: deleted.has(f.path) }));
  const read = io.candidates ?? { size: async (side) => (await io.signatureOf(side.blob)).size, signature: (side) => io.signatureOf(side.blob) };
  const source = await findCopySource({ path: n.path, blob: n.blob }, io.signatureOf, files, read);
  const step: PendingStep = { commit: n.commit, path: n.path, blob: n.blob, parents: source ? [nodeAt(n.file, parent, source.path, source.blob)] : [] };
  if (source?.deleted) step.previousPath = source.path;
  else if (source) step.copiedFrom = source.path;
  else nodeAt(n.file, parent, n.path, null);
  n.step = step;
  return step;
}

/**
 * A gap node: the commit has no file at the path. A parent without one too is the one git's history
 * simplification follows; when every parent has it, the commit deleted it: a deletion step (at a merge,
 * none: the main walk keeps no grave for a page a merge drops that all its parents had).
 */
async function stepGap(io: FollowReaders, n: Node, parents: readonly string[], roots: readonly string[], nodeAt: NodeAt): Promise<PendingStep | null> {
  const before = await Promise.all(roots.map((r) => blobAt(io.readTreeIndex, r, n.path)));
  const without = before.indexOf(null);
  if (without >= 0) {
    n.via = nodeAt(n.file, parents[without]!, n.path, null);
    return null;
  }
  if (parents.length !== 1) return null;
  const step: PendingStep = { commit: n.commit, path: n.path, blob: '', parents: [nodeAt(n.file, parents[0]!, n.path, before[0]!)], deleted: true };
  n.step = step;
  return step;
}

/** The steps oldest first, each parent named by its index; `last` is the step the start node's version comes from. */
function ordered(start: Node, pending: PendingStep[], order: (commit: string) => number): FollowedHistory {
  const sorted = pending.slice().sort((a, b) => order(a.commit) - order(b.commit));
  const index = new Map(sorted.map((s, i) => [s, i]));
  const resolve = (node: Node): number => {
    let at = node;
    while (!at.step) {
      if (!at.via) throw new InternalError(`follow-back left ${at.path} at ${at.commit} unwalked`);
      at = at.via;
    }
    return index.get(at.step)!;
  };
  const steps = sorted.map((s): FollowStep => {
    const parents = s.parents.map((p) => (p ? resolve(p) : null));
    const first = s.parents[0];
    const step: FollowStep = { commit: s.commit, path: s.path, blob: s.blob, parents, parentBlob: first ? first.blob : null };
    if (s.previousPath !== undefined) step.previousPath = s.previousPath;
    if (s.copiedFrom !== undefined) step.copiedFrom = s.copiedFrom;
    if (s.deleted) step.deleted = true;
    return step;
  });
  return { steps, last: resolve(start) };
}
