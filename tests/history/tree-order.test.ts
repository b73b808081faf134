// Tests (Node): the engine's order of tree entries and its byte-level tree reader agree with the trees git itself writes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareEntries, compareRaw, entriesOf, parseRawTree, parseTree, sameOid } from '../../src/lib/history/git-objects.ts';
import { git } from '../helpers/git-repo.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'wiki-tree-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
git(dir, ['init', '-q']);

/** Names whose UTF-16 order differs from git's byte order (a surrogate pair against U+E000–U+FFFF), prefixes of each other, and folders. */
const NAMES = ['a', 'a.md', 'a-b', 'a0', 'ab', 'b', 'z', 'é.md', 'ﬁle.md', '\uFFFD', '😀.md', '😀a', '\uE000x', 'Z', 'a b.md', 'ア'];

function gitTree(entries: { name: string; tree: boolean }[]): Buffer {
  const empty = execFileSync('git', ['-C', dir, 'hash-object', '-w', '--stdin'], { input: 'x' }).toString().trim();
  const subtree = execFileSync('git', ['-C', dir, 'mktree'], { input: `100644 blob ${empty}\tinside\n` }).toString().trim();
  // mktree sorts its input into git's order itself.
  const listing = entries.map((e) => (e.tree ? `040000 tree ${subtree}\t${e.name}` : `100644 blob ${empty}\t${e.name}`)).join('\n');
  const oid = execFileSync('git', ['-C', dir, 'mktree'], { input: `${listing}\n` }).toString().trim();
  return execFileSync('git', ['-C', dir, 'cat-file', 'tree', oid]);
}

describe('tree entries in git order', () => {
  it('sorts names as git does: bytes of UTF-8, a folder as if its name ended in "/"', () => {
    const entries = NAMES.flatMap((name, k) => [{ name, tree: k % 3 === 0 }, ...(k % 4 === 0 ? [{ name: `${name}-dir`, tree: true }] : [])]);
    const bytes = gitTree(entries);
    const fromGit = parseTree(bytes);
    expect(fromGit).toHaveLength(entries.length);
    const shuffled = fromGit.slice().reverse();
    expect(shuffled.sort(compareEntries).map((e) => e.name)).toEqual(fromGit.map((e) => e.name));
    const raw = parseRawTree(bytes);
    for (let i = 0; i < raw.count; i++) {
      for (let j = 0; j < raw.count; j++) {
        expect(Math.sign(compareRaw(raw, i, raw, j))).toBe(Math.sign(i - j));
        expect(compareEntries(fromGit[i]!, fromGit[j]!)).toBe(Math.sign(i - j));
      }
    }
  });

  it('reads a tree the same byte by byte as entry by entry', () => {
    const bytes = gitTree(NAMES.map((name, k) => ({ name, tree: k % 2 === 0 })));
    const raw = parseRawTree(bytes);
    expect(entriesOf(raw)).toEqual(parseTree(bytes));
    const other = parseRawTree(gitTree(NAMES.map((name) => ({ name, tree: false }))));
    const [a, b] = [entriesOf(raw), entriesOf(other)];
    let same = 0;
    for (let i = 0; i < raw.count; i++) {
      for (let j = 0; j < other.count; j++) {
        expect(sameOid(raw, i, other, j)).toBe(a[i]!.oid === b[j]!.oid);
        if (a[i]!.oid === b[j]!.oid) same++;
      }
    }
    expect(same).toBeGreaterThan(0);
  });
});
