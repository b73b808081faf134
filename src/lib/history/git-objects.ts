// Runs anywhere: parses commit and tree objects into the few fields the history engine needs.

export interface ParsedCommit {
  tree: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Author date, ISO 8601 in the author's own offset (as `git log --date=iso-strict`). */
  date: string;
  /** Committer time in seconds: orders commits that the graph leaves unordered, as git log does. */
  commitTime: number;
  /** The whole message: the subject is its first line, trailers sit at its end. */
  message: string;
}

export interface TreeEntry {
  name: string;
  oid: string;
  kind: 'tree' | 'blob' | 'other';
}

const ABOVE_SURROGATES = /[\uD800-\uFFFF]/;

/**
 * git's order of tree entries: by the UTF-8 bytes of the name, a folder's name as if it ended in '/'.
 * JavaScript compares UTF-16 units, which agrees except around surrogate pairs; those names take the slow way.
 */
export function compareEntries(a: TreeEntry, b: TreeEntry): number {
  const x = a.kind === 'tree' ? `${a.name}/` : a.name;
  const y = b.kind === 'tree' ? `${b.name}/` : b.name;
  if (x === y) return 0;
  if (ABOVE_SURROGATES.test(x) || ABOVE_SURROGATES.test(y)) return Buffer.compare(Buffer.from(x), Buffer.from(y));
  return x < y ? -1 : 1;
}

/** `1700000000 +0130` → `2023-11-15T00:43:20+01:30`: the wall-clock time where the author was. */
export function isoDate(seconds: number, offset: string): string {
  const match = /^([+-])(\d\d)(\d\d)$/.exec(offset);
  const sign = match?.[1] === '-' ? -1 : 1;
  const minutes = match ? sign * (Number(match[2]) * 60 + Number(match[3])) : 0;
  const local = new Date((seconds + minutes * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${match ? `${match[1]}${match[2]}:${match[3]}` : '+00:00'}`;
}

const IDENT = /^(.*?)\s*<([^>]*)>\s*(-?\d+)\s+([+-]\d{4})/;

export function parseCommit(content: Buffer): ParsedCommit {
  const text = content.toString('utf8');
  const headerEnd = text.indexOf('\n\n');
  const headers = headerEnd < 0 ? text : text.slice(0, headerEnd);
  const commit: ParsedCommit = { tree: '', parents: [], authorName: '', authorEmail: '', date: '', commitTime: 0, message: headerEnd < 0 ? '' : text.slice(headerEnd + 2) };
  for (const line of headers.split('\n')) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') commit.tree = value;
    else if (key === 'parent') commit.parents.push(value);
    else if (key === 'author') {
      const m = IDENT.exec(value);
      if (m) {
        commit.authorName = m[1]!;
        commit.authorEmail = m[2]!;
        commit.date = isoDate(Number(m[3]), m[4]!);
      }
    } else if (key === 'committer') {
      const m = IDENT.exec(value);
      if (m) commit.commitTime = Number(m[3]);
    }
  }
  return commit;
}

export function parseTree(content: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let pos = 0;
  while (pos < content.length) {
    const space = content.indexOf(32, pos);
    const nul = content.indexOf(0, space);
    const mode = content.toString('latin1', pos, space);
    const name = content.toString('utf8', space + 1, nul);
    const oid = content.toString('hex', nul + 1, nul + 21);
    // 40000 is a folder; 100644/100755 are files; symlinks (120000) and submodules (160000) are never pages.
    const kind = mode === '40000' ? 'tree' : mode.startsWith('100') ? 'blob' : 'other';
    entries.push({ name, oid, kind });
    pos = nul + 21;
  }
  return entries;
}
