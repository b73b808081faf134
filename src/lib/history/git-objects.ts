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
  const entries: TreeEntry[] = [];
  let pos = 0;
  while (pos < content.length) {
    const space = content.indexOf(32, pos);
    if (space <= pos) throw new MalformedObjectError('tree entry has no mode', pos);
    const nul = content.indexOf(0, space);
    if (nul < 0) throw new MalformedObjectError('tree entry name is not ended by a NUL byte', space + 1);
    if (nul + 21 > content.length) throw new MalformedObjectError(`tree entry is cut off: its object id needs 20 bytes, ${content.length - nul - 1} are left`, nul + 1);
    const mode = content.toString('latin1', pos, space);
    const name = content.toString('utf8', space + 1, nul);
    // git's fsck refuses these names: joined into a path they would climb out of a folder or split a name in two.
    if (name === '' || name === '.' || name === '..' || name.includes('/')) throw new MalformedObjectError(`tree entry name ${JSON.stringify(name.slice(0, 60))} is not a file name`, space + 1);
    const oid = content.toString('hex', nul + 1, nul + 21);
    // 40000 is a folder; 100644/100755 are files; symlinks (120000) and submodules (160000) are never pages.
    const kind = mode === '40000' ? 'tree' : mode.startsWith('100') ? 'blob' : 'other';
    entries.push({ name, oid, kind });
    pos = nul + 21;
  }
  return entries;
}
