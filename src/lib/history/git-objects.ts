// Runs anywhere: parses commit and tree objects into the few fields the history engine needs.
import { MalformedObjectError } from './errors.ts';

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
  /** Why the date shown is not the author date as written (out of range, no date, an impossible offset). */
  dateProblem?: string;
}

export interface TreeEntry {
  name: string;
  oid: string;
  kind: 'tree' | 'blob' | 'other';
}

const SLASH = 0x2f;

/** A UTF-16 unit in code point order: surrogates (code points past U+FFFF) sort after U+E000–U+FFFF, as their UTF-8 bytes do. */
const inCodePointOrder = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);

/**
 * git's order of tree entries: by the UTF-8 bytes of the name, a folder's name as if it ended in '/'.
 * UTF-8 byte order is code point order; UTF-16 units agree with it except around surrogate pairs, which
 * the first differing unit is corrected for. Compared in place: no name is joined with '/' to compare.
 */
export function compareEntries(a: TreeEntry, b: TreeEntry): number {
  const x = a.name;
  const y = b.name;
  const common = Math.min(x.length, y.length);
  for (let k = 0; k < common; k++) {
    const cx = x.charCodeAt(k);
    const cy = y.charCodeAt(k);
    if (cx !== cy) return inCodePointOrder(cx) < inCodePointOrder(cy) ? -1 : 1;
  }
  // One name is the other's start: what follows is the rest of the longer one, or '/' for a folder, or nothing.
  const nextX = x.length > common ? inCodePointOrder(x.charCodeAt(common)) : a.kind === 'tree' ? SLASH : -1;
  const nextY = y.length > common ? inCodePointOrder(y.charCodeAt(common)) : b.kind === 'tree' ? SLASH : -1;
  return nextX === nextY ? 0 : nextX < nextY ? -1 : 1;
}

/** `1700000000 +0130` → `2023-11-15T00:43:20+01:30`: the wall-clock time where the author was. */
export function isoDate(seconds: number, offset: string): string {
  const match = /^([+-])(\d\d)(\d\d)$/.exec(offset);
  const sign = match?.[1] === '-' ? -1 : 1;
  const minutes = match ? sign * (Number(match[2]) * 60 + Number(match[3])) : 0;
  const local = new Date((seconds + minutes * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${match ? `${match[1]}${match[2]}:${match[3]}` : '+00:00'}`;
}

// git accepts any number of seconds and any four-digit offset; ISO 8601 (and JavaScript's Date) only years 0001–9999 and offsets up to 23:59.
const FIRST_SECOND = -62135596800;
const LAST_SECOND = 253402300799;
const validOffset = (offset: string) => /^[+-](?:[01]\d|2[0-3])[0-5]\d$/.test(offset);

interface Ident {
  name: string;
  email: string;
  seconds?: number;
  offset?: string;
}

/** `Name <email> 1700000000 +0130`; also the forms git writes or accepts without complaint: `<>`, no `<>` at all, no date. */
function parseIdent(value: string): Ident {
  const withEmail = /^(.*?)\s*<([^>]*)>(.*)$/.exec(value);
  const rest = withEmail ? withEmail[3]! : value;
  const when = /(?:^|\s)(-?\d+)(?:\s+([+-]\d+))?\s*$/.exec(rest);
  const name = withEmail ? withEmail[1]! : (when ? rest.slice(0, when.index) : rest).trim();
  return { name, email: withEmail ? withEmail[2]!.trim() : '', ...(when ? { seconds: Number(when[1]), offset: when[2] ?? '+0000' } : {}) };
}

const inRange = (seconds: number | undefined, offset = '+0000'): seconds is number => {
  if (seconds === undefined || !Number.isSafeInteger(seconds)) return false;
  const local = seconds + (validOffset(offset) ? (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3))) * 60 : 0);
  return local >= FIRST_SECOND && local <= LAST_SECOND;
};

/**
 * The author date as ISO 8601. A date no calendar can show (`@99999999999999`) gives way to the committer
 * date, then to the Unix epoch (what git itself shows for a date it cannot read); an impossible offset
 * (`+9999`) to UTC. `problem` says what was replaced, for a warning naming the commit.
 */
function commitDate(author: Ident | undefined, committer: Ident | undefined): { date: string; problem?: string } {
  const offsetOf = (ident: Ident) => (validOffset(ident.offset ?? '') ? ident.offset! : '+0000');
  const badOffset = (ident: Ident) => (ident.offset !== undefined && !validOffset(ident.offset) ? `its time zone ${ident.offset} is not a real offset, so UTC is used` : undefined);
  if (author && inRange(author.seconds, offsetOf(author))) {
    const problem = badOffset(author);
    return { date: isoDate(author.seconds, offsetOf(author)), ...(problem ? { problem } : {}) };
  }
  const what = !author ? 'it has no author line' : author.seconds === undefined ? 'its author line has no date' : `its author date ${author.seconds} is outside the years 1–9999`;
  if (committer && inRange(committer.seconds, offsetOf(committer))) return { date: isoDate(committer.seconds, offsetOf(committer)), problem: `${what}, so the committer date is used` };
  return { date: isoDate(0, '+0000'), problem: `${what}, so 1970-01-01 is shown` };
}

export function parseCommit(content: Buffer): ParsedCommit {
  const text = content.toString('utf8');
  const headerEnd = text.indexOf('\n\n');
  const headers = headerEnd < 0 ? text : text.slice(0, headerEnd);
  const commit: ParsedCommit = { tree: '', parents: [], authorName: '', authorEmail: '', date: '', commitTime: 0, message: headerEnd < 0 ? '' : text.slice(headerEnd + 2) };
  let author: Ident | undefined;
  let committer: Ident | undefined;
  let offset = 0;
  for (const line of headers.split('\n')) {
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? '' : line.slice(space + 1);
    if (key === 'tree') {
      if (!/^[0-9a-f]{40}$/.test(value)) throw new MalformedObjectError(`commit has a tree line without an object id: "${value.slice(0, 60)}"`, offset);
      commit.tree = value;
    } else if (key === 'parent') {
      if (!/^[0-9a-f]{40}$/.test(value)) throw new MalformedObjectError(`commit has a parent line without an object id: "${value.slice(0, 60)}"`, offset);
      commit.parents.push(value);
    } else if (key === 'author' && !author) author = parseIdent(value);
    else if (key === 'committer' && !committer) committer = parseIdent(value);
    offset += Buffer.byteLength(line) + 1;
  }
  if (!commit.tree) throw new MalformedObjectError('commit has no tree line', 0);
  if (author) {
    commit.authorName = author.name;
    commit.authorEmail = author.email;
  }
  const { date, problem } = commitDate(author, committer);
  commit.date = date;
  if (problem) commit.dateProblem = problem;
  commit.commitTime = committer?.seconds !== undefined && Number.isFinite(committer.seconds) ? committer.seconds : 0;
  return commit;
}

export function parseTree(content: Buffer): TreeEntry[] {
  return entriesOf(parseRawTree(content));
}

/** Every entry of a raw tree, decoded. */
export function entriesOf(tree: RawTree): TreeEntry[] {
  const entries: TreeEntry[] = new Array(tree.count);
  for (let i = 0; i < tree.count; i++) entries[i] = entryAt(tree, i);
  return entries;
}

/**
 * A tree as its bytes and where each entry lies in them, checked as `parseTree` checks it: diffing two
 * trees compares names and ids as bytes, and decodes only the entries that differ.
 */
export interface RawTree {
  bytes: Buffer;
  count: number;
  /** Per entry, three numbers: where its name starts, where it ends (the NUL; the id follows), its kind. */
  layout: Int32Array;
}

/** An entry's kind in a raw tree, as a small number. */
export const RawKind = { Tree: 0, Blob: 1, Other: 2 } as const;
export type RawKind = (typeof RawKind)[keyof typeof RawKind];

const KINDS: readonly TreeEntry['kind'][] = ['tree', 'blob', 'other'];

/** An entry's name bytes from the tree: the name, and the NUL that ends it. */
const nameStart = (tree: RawTree, i: number) => tree.layout[3 * i]!;
const nameEnd = (tree: RawTree, i: number) => tree.layout[3 * i + 1]!;
/** Where entry i ends in the tree's bytes (after its id); where it starts is where entry i - 1 ends, or 0. */
export const entryEnd = (tree: RawTree, i: number) => nameEnd(tree, i) + 21;
export const kindAt = (tree: RawTree, i: number): RawKind => tree.layout[3 * i + 2] as RawKind;
export const nameAt = (tree: RawTree, i: number): string => tree.bytes.toString('utf8', nameStart(tree, i), nameEnd(tree, i));
export const oidAt = (tree: RawTree, i: number): string => tree.bytes.toString('hex', nameEnd(tree, i) + 1, nameEnd(tree, i) + 21);
export const entryAt = (tree: RawTree, i: number): TreeEntry => ({ name: nameAt(tree, i), oid: oidAt(tree, i), kind: KINDS[kindAt(tree, i)]! });

export function parseRawTree(content: Buffer): RawTree {
  let layout = new Int32Array(3 * Math.max(4, Math.ceil(content.length / 40)));
  let count = 0;
  let pos = 0;
  const length = content.length;
  while (pos < length) {
    let space = pos;
    while (space < length && content[space] !== 32) space++;
    if (space === length || space === pos) throw new MalformedObjectError('tree entry has no mode', pos);
    let nul = space + 1;
    let slash = false;
    while (nul < length && content[nul] !== 0) {
      if (content[nul] === SLASH) slash = true;
      nul++;
    }
    if (nul === length) throw new MalformedObjectError('tree entry name is not ended by a NUL byte', space + 1);
    if (nul + 21 > length) throw new MalformedObjectError(`tree entry is cut off: its object id needs 20 bytes, ${length - nul - 1} are left`, nul + 1);
    const nameLength = nul - space - 1;
    const dots = nameLength <= 2 && content[space + 1] === 0x2e && (nameLength === 1 || content[space + 2] === 0x2e);
    // git's fsck refuses these names: joined into a path they would climb out of a folder or split a name in two.
    if (nameLength === 0 || dots || slash) {
      const name = content.toString('utf8', space + 1, nul);
      throw new MalformedObjectError(`tree entry name ${JSON.stringify(name.slice(0, 60))} is not a file name`, space + 1);
    }
    // 40000 is a folder; 100644/100755 are files; symlinks (120000) and submodules (160000) are never pages.
    const m = (k: number) => content[pos + k];
    const modeLength = space - pos;
    const kind = modeLength === 5 && m(0) === 0x34 && m(1) === 0x30 && m(2) === 0x30 && m(3) === 0x30 && m(4) === 0x30 ? RawKind.Tree : modeLength >= 3 && m(0) === 0x31 && m(1) === 0x30 && m(2) === 0x30 ? RawKind.Blob : RawKind.Other;
    if (3 * count + 3 > layout.length) {
      const grown = new Int32Array(layout.length * 2);
      grown.set(layout);
      layout = grown;
    }
    layout[3 * count] = space + 1;
    layout[3 * count + 1] = nul;
    layout[3 * count + 2] = kind;
    count++;
    pos = nul + 21;
  }
  return { bytes: content, count, layout: layout.subarray(0, 3 * count) };
}

/** Whether entry i of `a` and entry j of `b` have the same object id (compared as bytes). */
export function sameOid(a: RawTree, i: number, b: RawTree, j: number): boolean {
  const x = a.bytes;
  const y = b.bytes;
  const p = nameEnd(a, i) + 1;
  const q = nameEnd(b, j) + 1;
  for (let k = 0; k < 20; k++) if (x[p + k] !== y[q + k]) return false;
  return true;
}

/** git's order of entry i of `a` against entry j of `b`: the names' bytes, a folder's name as if it ended in '/'. */
export function compareRaw(a: RawTree, i: number, b: RawTree, j: number): number {
  const x = a.bytes;
  const y = b.bytes;
  let p = nameStart(a, i);
  let q = nameStart(b, j);
  const pEnd = nameEnd(a, i);
  const qEnd = nameEnd(b, j);
  while (p < pEnd && q < qEnd) {
    const d = x[p]! - y[q]!;
    if (d !== 0) return d < 0 ? -1 : 1;
    p++;
    q++;
  }
  const nextX = p < pEnd ? x[p]! : kindAt(a, i) === RawKind.Tree ? SLASH : -1;
  const nextY = q < qEnd ? y[q]! : kindAt(b, j) === RawKind.Tree ? SLASH : -1;
  return nextX === nextY ? 0 : nextX < nextY ? -1 : 1;
}
