// Runs anywhere: reads the commits reachable from HEAD that were not processed yet and orders them parents first.
import { parseCommit, type ParsedCommit } from './git-objects.ts';

export interface GraphCommit extends ParsedCommit {
  oid: string;
}

export interface NewCommits {
  /** Parents before children (a topological order, oldest first). */
  ordered: GraphCommit[];
  /** Already processed commits the new ones build on. */
  knownParents: Set<string>;
}

/**
 * Walks back from `head`, stopping at commits already processed (`known`). Shallow boundary commits
 * are roots: their parents are not in the clone.
 */
export async function newCommits(
  head: string,
  readCommit: (oid: string) => Promise<Buffer>,
  known: (oid: string) => boolean,
  shallow: ReadonlySet<string>,
): Promise<NewCommits> {
  const parsed = new Map<string, GraphCommit>();
  const knownParents = new Set<string>();
  const pending = [head];
  while (pending.length) {
    const oid = pending.pop()!;
    if (parsed.has(oid)) continue;
    if (known(oid)) {
      knownParents.add(oid);
      continue;
    }
    const commit: GraphCommit = { oid, ...parseCommit(await readCommit(oid)) };
    if (shallow.has(oid)) commit.parents = [];
    parsed.set(oid, commit);
    for (const p of commit.parents) if (!parsed.has(p)) pending.push(p);
  }
  // Iterative depth-first post-order: a commit is emitted once all its parents are.
  const ordered: GraphCommit[] = [];
  const done = new Set<string>();
  const stack: [GraphCommit, number][] = parsed.has(head) ? [[parsed.get(head)!, 0]] : [];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const [commit, next] = top;
    if (next < commit.parents.length) {
      top[1]++;
      const parent = parsed.get(commit.parents[next]!);
      if (parent && !done.has(parent.oid)) stack.push([parent, 0]);
      continue;
    }
    stack.pop();
    if (!done.has(commit.oid)) {
      done.add(commit.oid);
      ordered.push(commit);
    }
  }
  return { ordered, knownParents };
}
