// Runs anywhere: reads the commits reachable from HEAD that were not processed yet and orders them parents first.
import type { ParsedCommit } from './git-objects.ts';

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
  readCommit: (oid: string) => Promise<ParsedCommit>,
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
    const commit: GraphCommit = { oid, ...(await readCommit(oid)) };
    if (shallow.has(oid)) commit.parents = [];
    parsed.set(oid, commit);
    for (const p of commit.parents) if (!parsed.has(p)) pending.push(p);
  }
  // Kahn's algorithm: a commit comes once all its parents have; among ready ones the oldest
  // committer time goes first, so revisions read newest-first in the order git log shows them.
  const waiting = new Map<string, number>();
  const children = new Map<string, GraphCommit[]>();
  const ready = new MinHeap<GraphCommit>((a, b) => a.commitTime - b.commitTime || (a.oid < b.oid ? -1 : 1));
  for (const commit of parsed.values()) {
    const inGraph = commit.parents.filter((p) => parsed.has(p));
    waiting.set(commit.oid, new Set(inGraph).size);
    for (const p of new Set(inGraph)) children.set(p, [...(children.get(p) ?? []), commit]);
    if (inGraph.length === 0) ready.push(commit);
  }
  const ordered: GraphCommit[] = [];
  while (ready.size) {
    const commit = ready.pop()!;
    ordered.push(commit);
    for (const child of children.get(commit.oid) ?? []) {
      const left = waiting.get(child.oid)! - 1;
      waiting.set(child.oid, left);
      if (left === 0) ready.push(child);
    }
  }
  return { ordered, knownParents };
}

class MinHeap<T> {
  private readonly items: T[] = [];
  private readonly less: (a: T, b: T) => number;

  constructor(compare: (a: T, b: T) => number) {
    this.less = compare;
  }

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(a[i]!, a[parent]!) >= 0) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
