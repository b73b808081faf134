// Runs anywhere: compares two trees and lists the pages that changed, descending only into subtrees whose OIDs differ.
import { contentRule, isPageFile, type ContentRule } from '../content/page-rule.ts';
import { compareRaw, entryEnd, kindAt, nameAt, oidAt, RawKind, sameOid, type RawTree, type TreeEntry } from './git-objects.ts';

export type ReadTree = (oid: string) => Promise<TreeEntry[]>;
/** Trees as bytes: the diff decodes only the entries that differ (most entries of a changed folder did not change). */
export type ReadRawTree = (oid: string) => Promise<RawTree>;

const EMPTY: RawTree = { bytes: Buffer.alloc(0), count: 0, layout: new Int32Array(0) };

/** One page's change between two trees; a null blob means absent on that side. */
export interface PageChange {
  path: string;
  oldBlob: string | null;
  newBlob: string | null;
}

/** The OID of the folder at `prefix` (repo-relative, '' for the root) inside a root tree, or null. */
export async function subtreeAt(readTree: ReadRawTree, rootTree: string, prefix: string): Promise<string | null> {
  let oid = rootTree;
  for (const part of prefix.split('/').filter(Boolean)) {
    const tree = await readTree(oid);
    let found: string | null = null;
    for (let i = 0; i < tree.count && found === null; i++) if (kindAt(tree, i) === RawKind.Tree && nameAt(tree, i) === part) found = oidAt(tree, i);
    if (found === null) return null;
    oid = found;
  }
  return oid;
}

/** `base` is the content folder's path in the repository; `rule` says what under it is never content, as discovery reads it. */
export async function diffPageTrees(readTree: ReadRawTree, oldTree: string | null, newTree: string | null, base: string, rule: ContentRule = contentRule()): Promise<PageChange[]> {
  const changes: PageChange[] = [];
  await diffInto(readTree, oldTree, newTree, { base, inContent: '' }, rule, changes);
  return changes;
}

interface Place {
  base: string;
  /** The same folder's path from the content folder, which the rule's globs are matched against. */
  inContent: string;
}

async function diffInto(readTree: ReadRawTree, oldTree: string | null, newTree: string | null, place: Place, rule: ContentRule, out: PageChange[]): Promise<void> {
  if (oldTree === newTree) return;
  const before = oldTree ? await readTree(oldTree) : EMPTY;
  const after = newTree ? await readTree(newTree) : EMPTY;
  const { base, inContent } = place;
  const join = (name: string) => (base ? `${base}/${name}` : name);
  // Both lists are in git's order: walk them side by side, no per-tree map; entries the two trees
  // share byte for byte at their start and end are left out (in a changed folder, most of them).
  const [head, tail] = sharedEnds(before, after);
  const beforeEnd = before.count - tail;
  const afterEnd = after.count - tail;
  let i = head;
  let j = head;
  while (i < beforeEnd || j < afterEnd) {
    const cmp = i >= beforeEnd ? 1 : j >= afterEnd ? -1 : compareRaw(before, i, after, j);
    const o = i;
    const n = j;
    if (cmp < 0) i++;
    if (cmp > 0) j++;
    if (cmp === 0) {
      i++;
      j++;
      if (kindAt(before, o) === kindAt(after, n) && sameOid(before, o, after, n)) continue;
    }
    const oldKind = cmp <= 0 ? kindAt(before, o) : null;
    const newKind = cmp >= 0 ? kindAt(after, n) : null;
    const isTree = oldKind === RawKind.Tree || newKind === RawKind.Tree;
    // The page rule content discovery uses: hidden entries and excluded folders are never content.
    // Where both sides have the entry its name is the same bytes.
    const name = cmp <= 0 ? nameAt(before, o) : nameAt(after, n);
    const nameInContent = inContent ? `${inContent}/${name}` : name;
    if (rule.skipReason(nameInContent, isTree)) continue;
    if (isTree) {
      await diffInto(readTree, oldKind === RawKind.Tree ? oidAt(before, o) : null, newKind === RawKind.Tree ? oidAt(after, n) : null, { base: join(name), inContent: nameInContent }, rule, out);
      continue;
    }
    const page = isPageFile(name);
    const oldBlob = oldKind === RawKind.Blob && page ? oidAt(before, o) : null;
    const newBlob = newKind === RawKind.Blob && page ? oidAt(after, n) : null;
    if (oldBlob !== newBlob) out.push({ path: join(name), oldBlob, newBlob });
  }
}

/** A regular file of the old tree. */
export interface OldFile {
  path: string;
  blob: string;
  /** The new tree has no file there (deleted, or a folder now); false when it holds another version. */
  deleted: boolean;
}

/**
 * Every regular file of `oldTree` that `newTree` changed or no longer has, anywhere under it (`base`
 * its path): git's tree diff pairs with an old side, which `git blame -C` searches for copied lines.
 * Only subtrees whose OIDs differ are read, as bytes; only the entries that differ are decoded.
 */
export async function changedOldFiles(readTree: ReadRawTree, oldTree: string | null, newTree: string | null, base = ''): Promise<OldFile[]> {
  const out: OldFile[] = [];
  await changedInto(readTree, oldTree, newTree, base, out);
  return out;
}

async function changedInto(readTree: ReadRawTree, oldTree: string | null, newTree: string | null, base: string, out: OldFile[]): Promise<void> {
  if (oldTree === newTree || !oldTree) return;
  const before = await readTree(oldTree);
  const after = newTree ? await readTree(newTree) : EMPTY;
  const join = (name: string) => (base ? `${base}/${name}` : name);
  const [head, tail] = sharedEnds(before, after);
  const beforeEnd = before.count - tail;
  const afterEnd = after.count - tail;
  let j = head;
  for (let i = head; i < beforeEnd; i++) {
    while (j < afterEnd && compareRaw(before, i, after, j) > 0) j++;
    const both = j < afterEnd && compareRaw(before, i, after, j) === 0;
    const oldKind = kindAt(before, i);
    const newKind = both ? kindAt(after, j) : null;
    if (both && oldKind === newKind && sameOid(before, i, after, j)) continue;
    if (oldKind === RawKind.Tree) await changedInto(readTree, oidAt(before, i), newKind === RawKind.Tree ? oidAt(after, j) : null, join(nameAt(before, i)), out);
    else if (oldKind === RawKind.Blob) out.push({ path: join(nameAt(before, i)), blob: oidAt(before, i), deleted: newKind !== RawKind.Blob });
  }
}

/** Whether the bytes a[from, to) equal b[from2, to2): one native comparison for a run of entries. */
const sameBytes = (a: RawTree, from: number, to: number, b: RawTree, from2: number, to2: number) => to - from === to2 - from2 && a.bytes.compare(b.bytes, from2, to2, from, to) === 0;

/**
 * How many entries two trees share byte for byte at their start, and then at their end (name, mode
 * and id alike, so the diff would pass over them). Found by halving, with one byte comparison a step.
 */
function sharedEnds(a: RawTree, b: RawTree): [head: number, tail: number] {
  const most = Math.min(a.count, b.count);
  const startOf = (t: RawTree, k: number) => (k === 0 ? 0 : entryEnd(t, k - 1));
  let lo = 0;
  let hi = most;
  // The first k entries are the same when the bytes up to the end of entry k - 1 are.
  while (lo < hi) {
    const k = (lo + hi + 1) >>> 1;
    if (sameBytes(a, 0, entryEnd(a, k - 1), b, 0, entryEnd(b, k - 1))) lo = k;
    else hi = k - 1;
  }
  const head = lo;
  lo = 0;
  hi = most - head;
  const aLength = startOf(a, a.count);
  const bLength = startOf(b, b.count);
  while (lo < hi) {
    const k = (lo + hi + 1) >>> 1;
    if (sameBytes(a, startOf(a, a.count - k), aLength, b, startOf(b, b.count - k), bLength)) lo = k;
    else hi = k - 1;
  }
  return [head, lo];
}
