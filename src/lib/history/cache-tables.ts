// Runs anywhere: the walk state as the history cache stores it: tables of one array per field, each path and identity once, line origins as runs.
import { toRepoPath, type RepoPath } from '../content/paths.ts';
import { toCommitIds } from './commit-id.ts';
import { InvalidIdError } from './errors.ts';
import { decodeMarks, encodeMarks, type StoredCopy } from './move-marks.ts';
import { GRAVE, type CommitInfo, type PageState, type RawRevision, type UndoRecord } from './walk-state.ts';

/*
 * A table is parsed as a few long arrays of numbers and short strings instead of a small array per
 * row: that is what makes reading a cache of 50,000 commits fast. Paths are numbers into the file's
 * path list; a page key that is a grave (GRAVE + path) is the path's number, negated, minus one.
 */

export interface CommitTable {
  ids: string[];
  /** Every author and co-author once: name, email, name, email, … */
  people: string[];
  /** Per commit, its author's place in `people` (counted in pairs). */
  authors: number[];
  dates: string[];
  subjects: string[];
  /** Committer times, each after the first as its difference from the one before. */
  times: number[];
  /** For each commit with co-authors: its index, how many, then their places in `people`. */
  coAuthors: number[];
}

/** Revision flags. */
const MERGE = 1;
const DELETED = 2;
const NO_PARENT_BLOB = 4;
/** The parent blob is the blob of the revision before it in the same run: no need to store it. */
const PARENT_IS_PREVIOUS = 8;
const PREVIOUS_PATH = 16;
const COPIED_FROM = 32;

export interface RevisionTable {
  /** Runs of revisions of one history: its id, how many; the rows below follow in that order. */
  runs: number[];
  commits: number[];
  paths: number[];
  added: number[];
  removed: number[];
  flags: number[];
  blobs: string[];
  /** The parent blobs the flags do not give, in row order. */
  parentBlobs: string[];
  /** The previous path (then the copied-from path) of each row flagged with one, in row order. */
  previousPaths: number[];
  copiedFrom: number[];
}

export interface PageTable {
  keys: number[];
  /** -1: no page (an undo record that deletes the page at the key). */
  histories: number[];
  blobs: string[];
  /** Per page, how many runs its line origins take; the runs are `origin, lines` pairs in `origins`. */
  runs: number[];
  origins: number[];
  /** For each page with move marks: its row, how many numbers, then `encodeMarks`' numbers. */
  marks: number[];
  /** For each page with move marks, in the same order: its copy splits and its rematched (line, origin) pairs, null until found. */
  moved: [copies: StoredCopy[], rematched: number[] | null][];
}

export interface UndoTable {
  oids: string[];
  parents: string[];
  /** Per record, how many of `pages` it restores. */
  counts: number[];
  pages: PageTable;
}

/** Builds the tables of one cache file, numbering the paths they name as it goes. */
export class TableWriter {
  readonly paths: string[] = [];
  private readonly pathIds = new Map<string, number>();

  private path(p: string): number {
    let id = this.pathIds.get(p);
    if (id === undefined) {
      id = this.paths.length;
      this.paths.push(p);
      this.pathIds.set(p, id);
    }
    return id;
  }

  key(k: string): number {
    return k.startsWith(GRAVE) ? -1 - this.path(k.slice(GRAVE.length)) : this.path(k);
  }

  commits(list: readonly CommitInfo[]): CommitTable {
    const table: CommitTable = { ids: [], people: [], authors: [], dates: [], subjects: [], times: [], coAuthors: [] };
    const people = new Map<string, number>();
    const person = (name: string, email: string) => {
      const k = `${name}\n${email}`;
      let id = people.get(k);
      if (id === undefined) {
        id = people.size;
        people.set(k, id);
        table.people.push(name, email);
      }
      return id;
    };
    let time = 0;
    for (const [i, c] of list.entries()) {
      table.ids.push(c.oid);
      table.authors.push(person(c.name, c.email));
      table.dates.push(c.date);
      table.subjects.push(c.subject);
      table.times.push(c.time - time);
      time = c.time;
      if (c.coAuthors.length > 0) table.coAuthors.push(i, c.coAuthors.length, ...c.coAuthors.map((p) => person(p.name, p.email)));
    }
    return table;
  }

  revisions(runs: Iterable<readonly [number, readonly RawRevision[]]>): RevisionTable {
    const t: RevisionTable = { runs: [], commits: [], paths: [], added: [], removed: [], flags: [], blobs: [], parentBlobs: [], previousPaths: [], copiedFrom: [] };
    for (const [id, list] of runs) {
      if (list.length === 0) continue;
      t.runs.push(id, list.length);
      for (let k = 0; k < list.length; k++) {
        const r = list[k]!;
        let flags = (r.merge ? MERGE : 0) | (r.deleted ? DELETED : 0);
        if (r.parentBlob === null) flags |= NO_PARENT_BLOB;
        else if (k > 0 && list[k - 1]!.blob === r.parentBlob) flags |= PARENT_IS_PREVIOUS;
        else t.parentBlobs.push(r.parentBlob);
        if (r.previousPath !== undefined) {
          flags |= PREVIOUS_PATH;
          t.previousPaths.push(this.path(r.previousPath));
        }
        if (r.copiedFrom !== undefined) {
          flags |= COPIED_FROM;
          t.copiedFrom.push(this.path(r.copiedFrom));
        }
        t.commits.push(r.commitIndex);
        t.paths.push(this.path(r.path));
        t.added.push(r.added);
        t.removed.push(r.removed);
        t.flags.push(flags);
        t.blobs.push(r.blob);
      }
    }
    return t;
  }

  pages(entries: Iterable<readonly [string, PageState | null]>): PageTable {
    const t: PageTable = { keys: [], histories: [], blobs: [], runs: [], origins: [], marks: [], moved: [] };
    let row = 0;
    for (const [key, page] of entries) {
      t.keys.push(this.key(key));
      if (!page) {
        t.histories.push(-1);
        t.blobs.push('');
        t.runs.push(0);
      } else {
        t.histories.push(page.historyId);
        t.blobs.push(page.blob);
        const { origins } = page;
        let runs = 0;
        for (let k = 0; k < origins.length; ) {
          const origin = origins[k]!;
          let end = k + 1;
          while (end < origins.length && origins[end] === origin) end++;
          t.origins.push(origin, end - k);
          runs++;
          k = end;
        }
        t.runs.push(runs);
        if (page.marks) {
          const { flat, copies } = encodeMarks(page.marks);
          t.marks.push(row, flat.length, ...flat);
          t.moved.push([copies, page.rematched ? [...page.rematched] : null]);
        }
      }
      row++;
    }
    return t;
  }

  undo(records: readonly UndoRecord[]): UndoTable {
    return {
      oids: records.map((r) => r.oid),
      parents: records.map((r) => r.parent),
      counts: records.map((r) => r.restore.length),
      pages: this.pages(records.flatMap((r) => r.restore)),
    };
  }
}

/** The co-authors of every commit without any: one list (nothing adds to a commit's co-authors), not an empty one per commit. */
const NO_CO_AUTHORS: { name: string; email: string }[] = [];

/** A table that does not hold what this engine writes (sealed here, so a bug of an older version): the cache is not used. */
function malformed(table: string): never {
  throw new InvalidIdError('a table of the history cache', table, 'its columns do not fit together');
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** A column of numbers; each is checked where it is read. */
function numbers(value: unknown, table: string, length?: number): number[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) malformed(table);
  return value as number[];
}

function strings(value: unknown, table: string, length?: number): string[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) malformed(table);
  for (let k = 0; k < value.length; k++) if (typeof value[k] !== 'string') malformed(table);
  return value as string[];
}

function record(value: unknown, table: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) malformed(table);
  return value as Record<string, unknown>;
}

/** Reads the tables of one cache file against its path list; throws InvalidIdError or InvalidPathError for what is not a state. */
export class TableReader {
  private readonly paths: string[];
  /** Paths checked as repository paths, as revisions name them (page keys are the walk's own and only looked up). */
  private readonly checked: (RepoPath | undefined)[] = [];

  constructor(paths: unknown) {
    this.paths = strings(paths, 'paths');
  }

  private path(id: number, table: string): RepoPath {
    const known = this.checked[id];
    if (known !== undefined) return known;
    const p = Number.isSafeInteger(id) && id >= 0 ? this.paths[id] : undefined;
    if (p === undefined) malformed(table);
    return (this.checked[id] = toRepoPath(p));
  }

  private key(id: number, table: string): string {
    const p = Number.isSafeInteger(id) ? this.paths[id < 0 ? -1 - id : id] : undefined;
    if (p === undefined) malformed(table);
    return id < 0 ? GRAVE + p : p;
  }

  keys(value: unknown, table: string): string[] {
    return numbers(value, table).map((id) => this.key(Number.isSafeInteger(id) ? id : NaN, table));
  }

  commits(value: unknown): CommitInfo[] {
    const t = record(value, 'commits');
    const ids = strings(t.ids, 'commits');
    const n = ids.length;
    const people = strings(t.people, 'commits');
    if (people.length % 2 !== 0) malformed('commits');
    const authors = numbers(t.authors, 'commits', n);
    const dates = strings(t.dates, 'commits', n);
    const subjects = strings(t.subjects, 'commits', n);
    const times = numbers(t.times, 'commits', n);
    const co = numbers(t.coAuthors, 'commits');
    const person = (id: number) => {
      if (!isCount(id) || 2 * id + 1 >= people.length) malformed('commits');
      return { name: people[2 * id]!, email: people[2 * id + 1]! };
    };
    const identities = Array.from({ length: people.length / 2 }, (_, id) => person(id));
    const oids = toCommitIds(ids);
    const out = new Array<CommitInfo>(n);
    let time = 0;
    for (let i = 0; i < n; i++) {
      const a = authors[i]!;
      const author = (isCount(a) ? identities[a] : undefined) ?? malformed('commits');
      const step = times[i]!;
      if (!Number.isSafeInteger(step)) malformed('commits');
      time += step;
      out[i] = { oid: oids[i]!, name: author.name, email: author.email, date: dates[i]!, subject: subjects[i]!, coAuthors: NO_CO_AUTHORS, time };
    }
    for (let p = 0; p < co.length; ) {
      const i = co[p]!;
      const count = co[p + 1]!;
      if (!isCount(i) || i >= n || !isCount(count) || p + 2 + count > co.length) malformed('commits');
      out[i]!.coAuthors = co.slice(p + 2, p + 2 + count).map((id) => ({ ...((isCount(id) ? identities[id] : undefined) ?? malformed('commits')) }));
      p += 2 + count;
    }
    return out;
  }

  /** The runs of revisions, each a history id and its revisions in order; commit indexes below `commits`. */
  revisions(value: unknown, commits: number): [number, RawRevision[]][] {
    const t = record(value, 'revisions');
    const runs = numbers(t.runs, 'revisions');
    const c = numbers(t.commits, 'revisions');
    const n = c.length;
    const paths = numbers(t.paths, 'revisions', n);
    const added = numbers(t.added, 'revisions', n);
    const removed = numbers(t.removed, 'revisions', n);
    const flags = numbers(t.flags, 'revisions', n);
    const blobs = strings(t.blobs, 'revisions', n);
    const parentBlobs = strings(t.parentBlobs, 'revisions');
    const previousPaths = numbers(t.previousPaths, 'revisions');
    const copiedFrom = numbers(t.copiedFrom, 'revisions');
    if (runs.length % 2 !== 0) malformed('revisions');
    const out: [number, RawRevision[]][] = [];
    let row = 0;
    let parents = 0;
    let previous = 0;
    let copies = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const id = runs[r]!;
      const length = runs[r + 1]!;
      if (!isCount(id) || !isCount(length) || row + length > n) malformed('revisions');
      const list = new Array<RawRevision>(length);
      for (let k = 0; k < length; k++, row++) {
        const commitIndex = c[row]!;
        const f = flags[row]!;
        if (!isCount(commitIndex) || commitIndex >= commits || !isCount(added[row]) || !isCount(removed[row]) || !isCount(f) || f > 63) malformed('revisions');
        let parentBlob: string | null;
        if (f & NO_PARENT_BLOB) parentBlob = null;
        else if (f & PARENT_IS_PREVIOUS) parentBlob = k > 0 ? list[k - 1]!.blob : malformed('revisions');
        else parentBlob = parentBlobs[parents++] ?? malformed('revisions');
        const revision: RawRevision = { commitIndex, path: this.path(paths[row]!, 'revisions'), added: added[row]!, removed: removed[row]!, merge: (f & MERGE) !== 0, blob: blobs[row]!, parentBlob };
        if (f & PREVIOUS_PATH) revision.previousPath = this.path(previousPaths[previous++] ?? -1, 'revisions');
        if (f & COPIED_FROM) revision.copiedFrom = this.path(copiedFrom[copies++] ?? -1, 'revisions');
        if (f & DELETED) revision.deleted = true;
        list[k] = revision;
      }
      out.push([id, list]);
    }
    if (row !== n || parents !== parentBlobs.length || previous !== previousPaths.length || copies !== copiedFrom.length) malformed('revisions');
    return out;
  }

  /** Pages by key (null: no page there), line origins below `commits`. */
  pages(value: unknown, commits: number, table = 'pages'): [string, PageState | null][] {
    const t = record(value, table);
    const keys = this.keys(t.keys, table);
    const n = keys.length;
    const histories = numbers(t.histories, table, n);
    const blobs = strings(t.blobs, table, n);
    const runs = numbers(t.runs, table, n);
    const origins = numbers(t.origins, table);
    const marks = numbers(t.marks, table);
    const moved = Array.isArray(t.moved) ? (t.moved as unknown[]) : malformed(table);
    const out = new Array<[string, PageState | null]>(n);
    let at = 0;
    for (let row = 0; row < n; row++) {
      const historyId = histories[row]!;
      const count = runs[row]!;
      if (!Number.isSafeInteger(historyId) || historyId < -1 || !isCount(count) || at + 2 * count > origins.length) malformed(table);
      if (historyId === -1) {
        if (count !== 0) malformed(table);
        out[row] = [keys[row]!, null];
        continue;
      }
      const lines: number[] = [];
      for (let r = 0; r < count; r++, at += 2) {
        const origin = origins[at]!;
        const length = origins[at + 1]!;
        if (!isCount(origin) || origin >= commits || !isCount(length) || length === 0) malformed(table);
        for (let k = 0; k < length; k++) lines.push(origin);
      }
      out[row] = [keys[row]!, { historyId, blob: blobs[row]!, origins: lines }];
    }
    if (at !== origins.length) malformed(table);
    let m = 0;
    for (let p = 0; p < marks.length; m++) {
      const row = marks[p]!;
      const length = marks[p + 1]!;
      const page = isCount(row) ? out[row]?.[1] : undefined;
      const extra = moved[m];
      if (!page || !isCount(length) || p + 2 + length > marks.length || !Array.isArray(extra) || extra.length !== 2) malformed(table);
      const [copies, rematched] = extra as unknown[];
      const decoded = Array.isArray(copies) ? decodeMarks(marks.slice(p + 2, p + 2 + length), copies, page.origins.length) : null;
      const pairs = rematched === null || (Array.isArray(rematched) && rematched.length % 2 === 0 && rematched.every((x, i) => isCount(x) && (i % 2 === 1 ? x < commits : x < page.origins.length)));
      const known = decoded?.every((mark) => {
        for (let at = mark; at; at = at.inner) if (at.commit >= commits) return false;
        return true;
      });
      if (!decoded || !pairs || !known) throw new InvalidIdError('move marks', out[row]![0], 'they are not marks of its lines');
      page.marks = decoded;
      if (rematched) page.rematched = rematched as number[];
      p += 2 + length;
    }
    if (m !== moved.length) malformed(table);
    return out;
  }

  undo(value: unknown, commits: number): UndoRecord[] {
    const t = record(value, 'undo');
    const oids = strings(t.oids, 'undo');
    const parents = strings(t.parents, 'undo', oids.length);
    const counts = numbers(t.counts, 'undo', oids.length);
    const pages = this.pages(t.pages, commits, 'undo');
    const out: UndoRecord[] = [];
    let at = 0;
    for (let i = 0; i < oids.length; i++) {
      const count = counts[i]!;
      if (!isCount(count) || at + count > pages.length) malformed('undo');
      out.push({ oid: oids[i]!, parent: parents[i]!, restore: pages.slice(at, at + count) });
      at += count;
    }
    if (at !== pages.length) malformed('undo');
    return out;
  }
}
