// Runs anywhere: the files a commit deleted anywhere in the repository, every file of a tree, and a file's blob at a path: where moves and copies into the content folder come from.
import type { Side } from './renames.ts';
import type { ReadTree } from './tree-diff.ts';
import { compareEntries, type TreeEntry } from './git-objects.ts';

/** Files (any blob) present in `oldRoot` and absent from `newRoot`: the sources a rename may come from. */
export async function deletedFiles(readTree: ReadTree, oldRoot: string | null, newRoot: string | null): Promise<Side[]> {
  const out: Side[] = [];
  await walk(readTree, oldRoot, newRoot, '', out);
  return out;
}

async function walk(readTree: ReadTree, oldTree: string | null, newTree: string | null, base: string, out: Side[]): Promise<void> {
  if (oldTree === newTree || !oldTree) return;
  const before = await readTree(oldTree);
  const after = newTree ? await readTree(newTree) : [];
  let j = 0;
  for (const old of before) {
    while (j < after.length && compareEntries(after[j]!, old) < 0) j++;
    const now = j < after.length && compareEntries(after[j]!, old) === 0 ? after[j]! : null;
    if (now && now.oid === old.oid && now.kind === old.kind) continue;
    const path = base ? `${base}/${old.name}` : old.name;
    if (old.kind === 'tree') await walk(readTree, old.oid, now?.kind === 'tree' ? now.oid : null, path, out);
    else if (old.kind === 'blob' && now?.kind !== 'blob') out.push({ path, blob: old.oid });
  }
}

/** Every regular file of the tree `root` (symlinks and submodules are no copy source to git), in git's path order. */
export async function regularFiles(readTree: ReadTree, root: string): Promise<Side[]> {
  const out: Side[] = [];
  const walkAll = async (oid: string, base: string): Promise<void> => {
    for (const entry of await readTree(oid)) {
      const path = base ? `${base}/${entry.name}` : entry.name;
      if (entry.kind === 'tree') await walkAll(entry.oid, path);
      else if (entry.kind === 'blob') out.push({ path, blob: entry.oid });
    }
  };
  await walkAll(root, '');
  return out;
}

/** A tree's entries by name: looking a path up in every commit of a long history stays cheap. */
export type ReadTreeIndex = (oid: string) => Promise<ReadonlyMap<string, TreeEntry>>;

export function indexEntries(entries: readonly TreeEntry[]): Map<string, TreeEntry> {
  // A name is a tree or a file, never both, in a tree git wrote.
  return new Map(entries.map((e) => [e.name, e]));
}

/** The blob at `path` in the tree `root`, or null when there is none. */
export async function blobAt(readIndex: ReadTreeIndex, root: string, path: string): Promise<string | null> {
  const parts = path.split('/');
  let oid = root;
  for (const [i, part] of parts.entries()) {
    const entry = (await readIndex(oid)).get(part);
    if (!entry || entry.kind !== (i === parts.length - 1 ? 'blob' : 'tree')) return null;
    oid = entry.oid;
  }
  return oid;
}

/**
 * The blob at `path` in a parent's root tree `parentRoot`, given `blob`, the one the child's root
 * `root` has there (null: none). Where the two trees share the folder on the way, the parent's is the
 * child's without reading further: most commits changed something else.
 */
export async function blobInParent(readIndex: ReadTreeIndex, parentRoot: string, root: string, path: string, blob: string | null): Promise<string | null> {
  const parts = path.split('/');
  let before: string = parentRoot;
  let after: string | null = root;
  for (const [i, part] of parts.entries()) {
    if (before === after) return blob;
    const entry = (await readIndex(before)).get(part);
    const last = i === parts.length - 1;
    if (!entry || entry.kind !== (last ? 'blob' : 'tree')) return null;
    if (last) return entry.oid;
    const next: TreeEntry | undefined = after === null ? undefined : (await readIndex(after)).get(part);
    before = entry.oid;
    after = next?.kind === 'tree' ? next.oid : null;
  }
  return null;
}
