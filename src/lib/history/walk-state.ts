// Runs anywhere: what the forward pass knows after HEAD; the unit the on-disk cache stores and the model is built from.

/** A commit as pages credit it; identities are raw here (mailmap and bots apply when the model is built). */
export interface CommitInfo {
  oid: string;
  name: string;
  email: string;
  date: string;
  subject: string;
  coAuthors: { name: string; email: string }[];
}

/** A commit's change to one page; `commit` indexes `WalkState.commits`, whose order is the walk's (oldest first). */
export interface RawRevision {
  commit: number;
  path: string;
  added: number;
  removed: number;
  merge: boolean;
  blob: string;
  parentBlob: string | null;
  previousPath?: string;
}

/** A page in some commit's tree: which history it continues, its blob, and each line's origin (a commit index). */
export interface PageState {
  id: number;
  blob: string;
  origins: number[];
  /** Filled on demand from the blob; never stored on disk. */
  lines?: string[];
}

export interface WalkState {
  head: string;
  contentPrefix: string;
  commits: CommitInfo[];
  /** Revisions per history id; ids joined at merges point at one list through `aliases`. */
  histories: Map<number, RawRevision[]>;
  aliases: Map<number, number>;
  nextId: number;
  /** Every page at HEAD, by repo-relative path. */
  pages: Map<string, PageState>;
}

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
