// Runs anywhere: compares two trees and lists the pages that changed, descending only into subtrees whose OIDs differ.
import type { TreeEntry } from './git-objects.ts';

export type ReadTree = (oid: string) => Promise<TreeEntry[]>;

/** One page's change between two trees; a null blob means absent on that side. */
export interface PageChange {
  path: string;
  oldBlob: string | null;
  newBlob: string | null;
}

const PAGE = /\.mdx?$/i;
/** Mirrors content discovery: dot-entries and node_modules are never content. */
const skipped = (name: string) => name.startsWith('.') || name === 'node_modules';

export const isPageName = (name: string) => PAGE.test(name) && !skipped(name);

/** The OID of the folder at `prefix` (repo-relative, '' for the root) inside a root tree, or null. */
export async function subtreeAt(readTree: ReadTree, rootTree: string, prefix: string): Promise<string | null> {
  let oid = rootTree;
  for (const part of prefix.split('/').filter(Boolean)) {
    const entry = (await readTree(oid)).find((e) => e.name === part && e.kind === 'tree');
    if (!entry) return null;
    oid = entry.oid;
  }
  return oid;
}

export async function diffPageTrees(readTree: ReadTree, oldTree: string | null, newTree: string | null, base: string): Promise<PageChange[]> {
  const changes: PageChange[] = [];
  await diffInto(readTree, oldTree, newTree, base, changes);
  return changes;
}

async function diffInto(readTree: ReadTree, oldTree: string | null, newTree: string | null, base: string, out: PageChange[]): Promise<void> {
  if (oldTree === newTree) return;
  const oldEntries = oldTree ? await readTree(oldTree) : [];
  const newEntries = newTree ? await readTree(newTree) : [];
  const before = new Map<string, TreeEntry>();
  for (const e of oldEntries) if (!skipped(e.name)) before.set(e.name, e);
  const join = (name: string) => (base ? `${base}/${name}` : name);
  for (const e of newEntries) {
    if (skipped(e.name)) continue;
    const old = before.get(e.name);
    before.delete(e.name);
    if (old && old.oid === e.oid && old.kind === e.kind) continue;
    const oldTreeOid = old?.kind === 'tree' ? old.oid : null;
    const oldBlob = old?.kind === 'blob' && PAGE.test(old.name) ? old.oid : null;
    if (e.kind === 'tree' || oldTreeOid) await diffInto(readTree, oldTreeOid, e.kind === 'tree' ? e.oid : null, join(e.name), out);
    const newBlob = e.kind === 'blob' && PAGE.test(e.name) ? e.oid : null;
    if (oldBlob !== newBlob) out.push({ path: join(e.name), oldBlob, newBlob });
  }
  for (const old of before.values()) {
    if (old.kind === 'tree') await diffInto(readTree, old.oid, null, join(old.name), out);
    else if (old.kind === 'blob' && PAGE.test(old.name)) out.push({ path: join(old.name), oldBlob: old.oid, newBlob: null });
  }
}
