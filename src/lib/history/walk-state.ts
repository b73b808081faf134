// Runs anywhere: what the forward pass knows after HEAD; the unit the on-disk cache stores and the model is built from.
import type { CommitId } from './commit-id.ts';
import type { MoveMark } from './move-marks.ts';
import type { Revision } from './types.ts';

/** A commit as pages credit it; identities are raw here (mailmap and bots apply when the model is built). */
export interface CommitInfo {
  oid: CommitId;
  name: string;
  email: string;
  date: string;
  subject: string;
  coAuthors: { name: string; email: string }[];
  /** Committer time in seconds, raised past its parents' where clocks were wrong: the order of a page's revisions, whichever order the walk met them in. */
  time: number;
}

/** A commit's change to one page; `commitIndex` indexes `WalkState.commits`, whose order is the walk's (oldest first). */
export interface RawRevision extends Pick<Revision, 'path' | 'added' | 'removed' | 'merge' | 'blob' | 'parentBlob' | 'previousPath' | 'copiedFrom' | 'deleted'> {
  commitIndex: number;
}

/**
 * A page in some commit's tree: which history it continues (`historyId`, the walk's own number, never
 * a page id), its blob, and each line's origin (a commit index).
 */
export interface PageState {
  historyId: number;
  blob: string;
  origins: number[];
  /** Per line, the move that gave it its origin (null: none); absent when no line was moved. The origins credited at HEAD are `settleOrigins(origins, marks)`. */
  marks?: readonly (MoveMark | null)[];
  /** Line, origin pairs: groups of copied lines git takes from another file than the move did, found at the end of a walk (move-marks.ts copiedParts). */
  rematched?: readonly number[];
  /** Filled on demand from the blob; never stored on disk. */
  lines?: string[];
}

/**
 * How to undo one commit on HEAD's first-parent line: its first parent, and each page path it
 * changed with the page there before (null: there was none). Replayed backwards from HEAD they give
 * the pages of a recent commit, which is what a merged branch that forked from it needs.
 */
export interface UndoRecord {
  oid: string;
  parent: string;
  restore: [path: string, page: PageState | null][];
}

/** Key prefix of a deleted page's history in a page map: no path in a git tree holds a NUL. */
export const GRAVE = '\0';
export const isGrave = (key: string) => key.startsWith(GRAVE);

/** Commits of HEAD's first-parent line kept undoable: a branch forked further back than this is walked again from scratch. */
export const UNDO_DEPTH = 1000;

export interface WalkState {
  head: string;
  contentPrefix: string;
  commits: CommitInfo[];
  /** Revisions per history id; ids joined at merges point at one list through `aliases`. */
  histories: Map<number, RawRevision[]>;
  aliases: Map<number, number>;
  nextHistoryId: number;
  /**
   * Every page at HEAD, by repo-relative path; and under GRAVE + path, the history a page deleted at
   * that path left behind, which a page created there again continues (`isGrave` tells them apart).
   */
  pages: Map<string, PageState>;
  /** Undo records of HEAD's first-parent line, HEAD's first, at most UNDO_DEPTH. */
  undo: UndoRecord[];
}

/** The pages at `oid`, a commit on HEAD's recent first-parent line, or null when it is not among them. */
export function pagesAt(state: Pick<WalkState, 'head' | 'pages' | 'undo'>, oid: string): Map<string, PageState> | null {
  if (oid === state.head) return state.pages;
  const pages = new Map(state.pages);
  let at = state.head;
  for (const record of state.undo) {
    if (record.oid !== at) return null;
    for (const [path, page] of record.restore) {
      if (page) pages.set(path, page);
      else pages.delete(path);
    }
    at = record.parent;
    if (at === oid) return pages;
  }
  return null;
}

/** The history id that `id` was joined into (itself when it never was). */
export function rootId(state: Pick<WalkState, 'aliases'>, id: number): number {
  let root = id;
  while (state.aliases.has(root)) root = state.aliases.get(root)!;
  // Path compression keeps later look-ups short.
  while (id !== root) {
    const next = state.aliases.get(id)!;
    state.aliases.set(id, root);
    id = next;
  }
  return root;
}

/** Two histories turn out to be one page (a page reached a merge from both sides under different ids). */
export function joinHistories(state: Pick<WalkState, 'aliases' | 'histories'>, a: number, b: number): number {
  const ra = rootId(state, a);
  const rb = rootId(state, b);
  if (ra === rb) return ra;
  const la = state.histories.get(ra) ?? [];
  const lb = state.histories.get(rb) ?? [];
  const [keep, drop] = la.length >= lb.length ? [ra, rb] : [rb, ra];
  state.histories.set(keep, keep === ra ? la.concat(lb) : lb.concat(la));
  state.histories.delete(drop);
  state.aliases.set(drop, keep);
  return keep;
}
