// Runs anywhere: compares two trees and lists the pages that changed, descending only into subtrees whose OIDs differ.
import { contentRule, isPageFile, type ContentRule } from '../content/page-rule.ts';
import { compareEntries, type TreeEntry } from './git-objects.ts';

export type ReadTree = (oid: string) => Promise<TreeEntry[]>;

/** One page's change between two trees; a null blob means absent on that side. */
export interface PageChange {
  path: string;
  oldBlob: string | null;
  newBlob: string | null;
}

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

/** `base` is the content folder's path in the repository; `rule` says what under it is never content, as discovery reads it. */
export async function diffPageTrees(readTree: ReadTree, oldTree: string | null, newTree: string | null, base: string, rule: ContentRule = contentRule()): Promise<PageChange[]> {
  const changes: PageChange[] = [];
  await diffInto(readTree, oldTree, newTree, { base, inContent: '' }, rule, changes);
  return changes;
}

interface Place {
  base: string;
  /** The same folder's path from the content folder, which the rule's globs are matched against. */
  inContent: string;
}

async function diffInto(readTree: ReadTree, oldTree: string | null, newTree: string | null, place: Place, rule: ContentRule, out: PageChange[]): Promise<void> {
  if (oldTree === newTree) return;
  const before = oldTree ? await readTree(oldTree) : [];
  const after = newTree ? await readTree(newTree) : [];
  const { base, inContent } = place;
  const join = (name: string) => (base ? `${base}/${name}` : name);
  // Both lists are in git's order: walk them side by side, no per-tree map.
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const old = before[i];
    const now = after[j];
    const cmp = !old ? 1 : !now ? -1 : compareEntries(old, now);
    if (cmp < 0) i++;
    if (cmp > 0) j++;
    if (cmp === 0) {
      i++;
      j++;
      if (old!.oid === now!.oid && old!.kind === now!.kind) continue;
    }
    const o = cmp <= 0 ? old! : null;
    const n = cmp >= 0 ? now! : null;
    const isTree = o?.kind === 'tree' || n?.kind === 'tree';
    // The page rule content discovery uses: hidden entries and excluded folders are never content.
    const name = (o ?? n)!.name;
    const nameInContent = inContent ? `${inContent}/${name}` : name;
    if (rule.skipReason(nameInContent, isTree)) continue;
    if (isTree) {
      await diffInto(readTree, o?.kind === 'tree' ? o.oid : null, n?.kind === 'tree' ? n.oid : null, { base: join(name), inContent: nameInContent }, rule, out);
      continue;
    }
    const oldBlob = o?.kind === 'blob' && isPageFile(o.name) ? o.oid : null;
    const newBlob = n?.kind === 'blob' && isPageFile(n.name) ? n.oid : null;
    if (oldBlob !== newBlob) out.push({ path: join(name), oldBlob, newBlob });
  }
}
