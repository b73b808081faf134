// Runs anywhere (given readers): a file's history before it moved into the content folder, walked back from a commit as `git log --follow` does (every parent of a merge, copies, a path deleted and created again), until its creation.
import { InternalError } from './errors.ts';
import { findCopySource } from './copies.ts';
import { blobAt, blobInParent, deletedFiles, regularFiles, type ReadTreeIndex } from './outside-diff.ts';
import { pairRenames, type CandidateReader, type Rename, type Side } from './renames.ts';
import type { Signature } from './similarity.ts';
import type { ReadTree } from './tree-diff.ts';

export interface FollowReaders {
  readCommit: (oid: string) => Promise<{ tree: string; parents: string[] }>;
  readTree: ReadTree;
  readTreeIndex: ReadTreeIndex;
  signatureOf: (blob: string) => Promise<Signature>;
  /** How files the commit deleted are read as rename sources (unreadable ones are left out). */
  candidates?: CandidateReader;
  /** Every regular file of a root tree, in path order (default: read from the trees); the copy sources of a file created with one parent. */
  files?: (root: string) => Promise<Side[]>;
  /**
   * Follow renames only, as `git blame` follows a file, with no copies and no gaps: enough when only the
   * file's line origins are wanted (a copy or a file created again starts its lines afresh anyway).
   */
  renamesOnly?: boolean;
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
  /** The commit kept a parent's version: that parent's node, which its lines come from (git blame passes the whole file to it). */
  via?: Node;
}

/** A path a file was created at with no source, walked back (a gap) to the commit that deleted a file there, if any. */
interface Gap {
  file: number;
  path: string;
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

type NodeAt = (file: number, commit: string, path: string, blob: string) => Node;
/** Gaps waiting at one commit, by file and path. */
type Gaps = Map<string, Gap>;
type GapAt = (commit: string, gap: Gap) => void;

/**
 * For each of `paths` (files of `start`), the commits that changed it up to and including `start`;
 * null when `start` has no such file. All files are walked back together, newest commit first
 * (`order` gives a commit's place in the walk, parents before children), so each commit's trees are read once.
 */
export async function followBack(io: FollowReaders, start: string, paths: readonly string[], order: (commit: string) => number): Promise<(FollowedHistory | null)[]> {
  const root = (await io.readCommit(start)).tree;
  const starts: (Node | null)[] = [];
  const nodes = new Map<string, Node>();
  // Nodes and gaps by the commit they wait at: gaps move through most commits all together, untouched.
  const open = new Map<string, Node[]>();
  const gaps = new Map<string, Gaps>();
  const nodeAt: NodeAt = (file, commit, path, blob) => {
    const key = `${file}\0${commit}\0${path}`;
    let node = nodes.get(key);
    if (!node) {
      node = { file, commit, path, blob };
      nodes.set(key, node);
      const here = open.get(commit);
      if (here) here.push(node);
      else open.set(commit, [node]);
    }
    return node;
  };
  const gapAt: GapAt = (commit, gap) => {
    let here = gaps.get(commit);
    if (!here) gaps.set(commit, (here = new Map()));
    here.set(`${gap.file}\0${gap.path}`, gap);
  };
  for (const [file, path] of paths.entries()) {
    const blob = await blobAt(io.readTreeIndex, root, path);
    starts.push(blob === null ? null : nodeAt(file, start, path, blob));
  }
  const steps: PendingStep[][] = paths.map(() => []);
  while (open.size > 0 || gaps.size > 0) {
    // The newest commit anything waits at: all its children are done.
    let at = '';
    let newest = -Infinity;
    for (const commit of [...open.keys(), ...gaps.keys()]) {
      const o = order(commit);
      if (o > newest) [at, newest] = [commit, o];
    }
    const here = open.get(at) ?? [];
    const gapsHere = gaps.get(at);
    open.delete(at);
    gaps.delete(at);
    const commit = await io.readCommit(at);
    const parents = io.shallow.has(at) ? [] : commit.parents;
    const roots = await Promise.all(parents.map(async (p) => (await io.readCommit(p)).tree));
    for (const n of here) {
      const step = await stepBack(io, n, commit.tree, parents, roots, nodeAt, gapAt);
      if (step) steps[n.file]!.push(step);
    }
    if (gapsHere) for (const [file, step] of await stepGaps(io, gapsHere, at, commit.tree, parents, roots, nodeAt, gaps, gapAt)) steps[file]!.push(step);
  }
  return starts.map((node, file) => (node ? ordered(node, steps[file]!, order) : null));
}

/**
 * Walks one node past its commit: to the first parent with the same blob (the other parents that have the
 * file at this path are walked too, for their commits), or a step to every parent that has the file (or
 * the file it was renamed from on that parent's side).
 */
async function stepBack(
  io: FollowReaders,
  n: Node,
  tree: string,
  parents: readonly string[],
  roots: readonly string[],
  nodeAt: NodeAt,
  gapAt: GapAt,
): Promise<PendingStep | null> {
  const before = await Promise.all(roots.map((r) => blobInParent(io.readTreeIndex, r, tree, n.path, n.blob)));
  // A parent with the same blob (the first one, as git blame takes): the file's lines are that parent's.
  const same = before.indexOf(n.blob);
  if (same >= 0) {
    n.via = nodeAt(n.file, parents[same]!, n.path, n.blob);
    // git log --follow simplifies no history (revision.c prunes only without --follow): the other parents
    // that have the file at this path are walked too and their commits listed. Not a rename found against
    // such a parent: git's one followed path does not take it (the side's old name is another file to it).
    if (!io.renamesOnly) for (const [p, blob] of before.entries()) if (p !== same && blob !== null) nodeAt(n.file, parents[p]!, n.path, blob);
    return null;
  }
  // Every parent that has the file, at this path or (a rename on that parent's side) at the path it was
  // renamed from there; none: the commit created it.
  if (!io.renamesOnly && parents.length === 1 && before[0] === null) return created(io, n, tree, parents[0]!, roots[0]!, nodeAt, gapAt);
  const sources: (Node | null)[] = [];
  let previousPath: string | undefined;
  for (const [p, blob] of before.entries()) {
    const source = await sourceIn(io, n, tree, parents[p]!, roots[p]!, blob, nodeAt);
    sources.push(source);
    if (source && blob === null && p === 0) previousPath = source.path;
  }
  const step: PendingStep = { commit: n.commit, path: n.path, blob: n.blob, parents: sources.some((s) => s !== null) ? sources : [] };
  if (previousPath !== undefined) step.previousPath = previousPath;
  n.step = step;
  return step;
}

/** The file in one parent: at the node's path (`blob`, null when the parent has none there) or, a rename on that parent's side, at the path it was renamed from; null when neither. */
async function sourceIn(io: FollowReaders, n: Node, tree: string, parent: string, root: string, blob: string | null, nodeAt: NodeAt): Promise<Node | null> {
  if (blob !== null) return nodeAt(n.file, parent, n.path, blob);
  const rename: Rename | undefined = (await pairRenames(await deletedFiles(io.readTree, root, tree), [{ path: n.path, blob: n.blob }], io.signatureOf, io.candidates))[0];
  return rename ? nodeAt(n.file, parent, rename.from.path, rename.from.blob) : null;
}

/**
 * A commit with one parent that has no file at the node's path: git's `--follow` looks for a rename
 * or copy source among all the parent's files (try_to_follow_renames: copies, harder); with none,
 * the commit created the file, and git goes on following the same path name in the parent (a gap).
 */
async function created(io: FollowReaders, n: Node, tree: string, parent: string, root: string, nodeAt: NodeAt, gapAt: GapAt): Promise<PendingStep> {
  const deleted = new Set((await deletedFiles(io.readTree, root, tree)).map((d) => d.path));
  const files = (await (io.files ? io.files(root) : regularFiles(io.readTree, root))).map((f) => ({ ...f, deleted: deleted.has(f.path) }));
  const read = io.candidates ?? { size: async (side) => (await io.signatureOf(side.blob)).size, signature: (side) => io.signatureOf(side.blob) };
  const source = await findCopySource({ path: n.path, blob: n.blob }, io.signatureOf, files, read);
  const step: PendingStep = { commit: n.commit, path: n.path, blob: n.blob, parents: source ? [nodeAt(n.file, parent, source.path, source.blob)] : [] };
  if (source?.deleted) step.previousPath = source.path;
  else if (source) step.copiedFrom = source.path;
  else gapAt(parent, { file: n.file, path: n.path });
  n.step = step;
  return step;
}

const FEW_GAPS = 8;

/**
 * The gaps waiting at one commit. With one parent, the gaps its diff deletes no file at move on to that
 * parent together (git's history simplification: the commit is the same as its parent there); at a
 * path it deleted a file from, a deletion step. At a merge, each gap goes to the first parent without
 * a file there; when every parent has one, the gap ends (the main walk keeps no grave for a page a
 * merge drops that all its parents had).
 */
async function stepGaps(io: FollowReaders, here: Gaps, at: string, tree: string, parents: readonly string[], roots: readonly string[], nodeAt: NodeAt, gaps: Map<string, Gaps>, gapAt: GapAt): Promise<[number, PendingStep][]> {
  const out: [number, PendingStep][] = [];
  if (parents.length === 1) {
    // A few gaps are looked up by path; many, by one diff of the commit.
    const deleted = here.size > FEW_GAPS ? new Map((await deletedFiles(io.readTree, roots[0]!, tree)).map((d) => [d.path, d.blob])) : null;
    for (const [key, gap] of here) {
      const blob = deleted ? deleted.get(gap.path) : ((await blobInParent(io.readTreeIndex, roots[0]!, tree, gap.path, null)) ?? undefined);
      if (blob === undefined) continue;
      here.delete(key);
      out.push([gap.file, { commit: at, path: gap.path, blob: '', parents: [nodeAt(gap.file, parents[0]!, gap.path, blob)], deleted: true }]);
    }
    const waiting = gaps.get(parents[0]!);
    if (!waiting) {
      if (here.size > 0) gaps.set(parents[0]!, here);
    } else for (const [key, gap] of here) waiting.set(key, gap);
    return out;
  }
  for (const gap of here.values()) {
    const before = await Promise.all(roots.map((r) => blobInParent(io.readTreeIndex, r, tree, gap.path, null)));
    const without = before.indexOf(null);
    if (without >= 0) gapAt(parents[without]!, gap);
  }
  return out;
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
