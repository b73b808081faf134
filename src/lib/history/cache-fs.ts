// Runs in Node: keeps the walk's state on disk: a snapshot plus a log of small appends, one per incremental run, each sealed with the folder's key; and beside it the signatures of HEAD's pages for copy searches.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidPathError } from '../content/paths.ts';
import { isSealed, readSealKey, seal, sealKeyFor } from './cache-seal-fs.ts';
import { TableReader, TableWriter, type CommitTable, type PageTable, type RevisionTable, type UndoTable } from './cache-tables.ts';
import { InvalidIdError } from './errors.ts';
import { decodeSignatures, encodeSignatures } from './signature-file.ts';
import type { Signature } from './similarity.ts';
import { joinHistories, rootId, UNDO_DEPTH, type PageState, type RawRevision, type WalkState } from './walk-state.ts';

/** Bump when the stored shape or the meaning of its numbers changes: older files are then ignored. 5: a merge that wrote no line of its own is no revision; commits keep their committer time. 6: pages moved in from outside the content folder carry their history. 7: lines matched by git's own diff (xdiff); moved and copied text keeps its origins (`git blame -C`); copies and pages created again follow `git log --follow`. 8: moved text also keeps the origins of lines copied from files that are not pages. 9: moved lines keep their move marks, decided again at HEAD; histories followed back from outside take copies and re-creations. 10: stored as tables (cache-tables.ts); histories followed back list the commits of every merge parent that has the file, as `git log --follow` prunes no history. */
const CACHE_VERSION = 10;
/** Past this many appends (or a log a quarter of the snapshot's size) the next save writes a new snapshot. */
const MAX_APPENDS = 200;

/** The stored shape keeps its field names (`nextId` is the next history id); every table names its paths by their place in `paths`. */
interface Snapshot {
  version: number;
  key: string;
  head: string;
  contentPrefix: string;
  nextId: number;
  paths: string[];
  commits: CommitTable;
  revisions: RevisionTable;
  /** Pairs of ids joined at merges: from, to. */
  aliases: number[];
  pages: PageTable;
  undo: UndoTable;
}

/** What one incremental run added on top of the state at `from`. */
interface Append {
  version: number;
  key: string;
  from: string;
  head: string;
  nextId: number;
  paths: string[];
  commits: CommitTable;
  revisions: RevisionTable;
  aliases: number[];
  pages: PageTable;
  /** Keys of the pages gone since `from`. */
  deleted: number[];
  /** Undo records of the new commits on HEAD's line; the older ones continue from `undoFrom` in the records before. */
  undo: UndoTable;
  undoFrom: string | null;
}

/** What `appendWalkState` needs to know about the state the run started from. */
export interface Baseline {
  head: string;
  commits: number;
  /** The state's next history id: histories from this one on are new, old revisions copied in included. */
  nextHistoryId: number;
  pages: ReadonlyMap<string, PageState>;
}

function cacheFile(cacheDir: string, key: string): string {
  return path.join(cacheDir, `history-${createHash('sha1').update(key).digest('hex').slice(0, 16)}.json`);
}

const logFile = (cacheDir: string, key: string) => cacheFile(cacheDir, key).replace(/\.json$/, '.log');

export interface LoadedState {
  state?: WalkState;
  /** Why a cache file that was there is not used (a missing file needs no word). */
  warning?: string;
}

const SEAL_LENGTH = 64;

/** The JSON of `<seal> <json>` (a log line); null when the seal is not this folder's. */
function unsealLine(key: Buffer | null, framed: string): string | null {
  if (!key || framed[SEAL_LENGTH] !== ' ') return null;
  const text = framed.slice(SEAL_LENGTH + 1);
  return isSealed(key, text, framed.slice(0, SEAL_LENGTH)) ? text : null;
}

/** The JSON of `<seal>\n<json>` (a snapshot), checked as bytes: the file can be tens of megabytes. */
function unsealSnapshot(key: Buffer | null, framed: Buffer): string | null {
  if (!key || framed[SEAL_LENGTH] !== 0x0a) return null;
  const body = framed.subarray(SEAL_LENGTH + 1);
  return isSealed(key, body, framed.toString('latin1', 0, SEAL_LENGTH)) ? body.toString('utf8') : null;
}

export function loadWalkState(cacheDir: string, key: string): LoadedState {
  try {
    return readWalkState(cacheDir, key);
  } catch (error) {
    // Sealed by this machine, yet not a state this engine writes (a bug of an older version?): start over.
    if (!(error instanceof InvalidPathError || error instanceof InvalidIdError)) throw error;
    return { warning: `the history cache ${cacheFile(cacheDir, key)} holds ${error.message}: it is ignored and the history is read from git` };
  }
}

function readWalkState(cacheDir: string, key: string): LoadedState {
  const file = cacheFile(cacheDir, key);
  let framed: Buffer;
  try {
    framed = readFileSync(file);
  } catch {
    return {};
  }
  const sealKey = readSealKey(cacheDir);
  const text = unsealSnapshot(sealKey, framed);
  if (text === null) return { warning: `the history cache ${file} is not sealed by this machine's key (committed, copied or written by hand?): it is ignored and the history is read from git` };
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(text) as Snapshot;
  } catch {
    return {};
  }
  if (snapshot.version !== CACHE_VERSION || snapshot.key !== key) return {};
  const tables = new TableReader(snapshot.paths);
  const commits = tables.commits(snapshot.commits);
  const state: WalkState = {
    head: snapshot.head,
    contentPrefix: snapshot.contentPrefix,
    nextHistoryId: snapshot.nextId,
    commits,
    histories: new Map(tables.revisions(snapshot.revisions, commits.length)),
    aliases: new Map(),
    pages: livePages(tables.pages(snapshot.pages, commits.length)),
    undo: tables.undo(snapshot.undo, commits.length),
  };
  applyAliases(state, snapshot.aliases);
  let log = '';
  try {
    log = readFileSync(logFile(cacheDir, key), 'utf8');
  } catch {
    return { state };
  }
  for (const line of log.split('\n')) {
    // A torn last line, or one not sealed here: the state up to the previous line is still whole and trusted.
    const json = unsealLine(sealKey, line);
    if (json === null) break;
    let append: Append;
    try {
      append = JSON.parse(json) as Append;
    } catch {
      break;
    }
    if (append.version !== CACHE_VERSION || append.key !== key || append.from !== state.head) break;
    const tables = new TableReader(append.paths);
    state.head = append.head;
    state.nextHistoryId = append.nextId;
    for (const c of tables.commits(append.commits)) state.commits.push(c);
    applyAliases(state, append.aliases);
    for (const [id, list] of tables.revisions(append.revisions, state.commits.length)) {
      const root = rootId(state, id);
      const known = state.histories.get(root);
      if (known) for (const r of list) known.push(r);
      else state.histories.set(root, list);
    }
    for (const p of tables.keys(append.deleted, 'deleted')) state.pages.delete(p);
    for (const [p, page] of livePages(tables.pages(append.pages, state.commits.length))) state.pages.set(p, page);
    const from = state.undo.findIndex((r) => r.oid === append.undoFrom);
    state.undo = [...tables.undo(append.undo, state.commits.length), ...(from >= 0 ? state.undo.slice(from) : [])].slice(0, UNDO_DEPTH);
  }
  return { state };
}

/** The pages of a page table, which never holds an empty row. */
function livePages(rows: [string, PageState | null][]): Map<string, PageState> {
  const pages = new Map<string, PageState>();
  for (const [p, page] of rows) {
    if (!page) throw new InvalidIdError('a table of the history cache', 'pages', 'it holds a page that is not there');
    pages.set(p, page);
  }
  return pages;
}

function applyAliases(state: WalkState, aliases: unknown): void {
  if (!Array.isArray(aliases) || aliases.length % 2 !== 0 || !aliases.every((x) => Number.isSafeInteger(x) && x >= 0)) {
    throw new InvalidIdError('a table of the history cache', 'aliases', 'its columns do not fit together');
  }
  for (let k = 0; k < aliases.length; k += 2) joinHistories(state, aliases[k] as number, aliases[k + 1] as number);
}

/** Ids joined at merges, each pointing at its final history: replaying them rebuilds the same joins. */
const aliasesOf = (state: WalkState, keep: (to: number) => boolean = () => true): number[] => {
  const flat: number[] = [];
  for (const id of state.aliases.keys()) {
    const to = rootId(state, id);
    if (keep(to)) flat.push(id, to);
  }
  return flat;
};

export function saveWalkState(cacheDir: string, key: string, state: WalkState): void {
  // Only histories of pages at HEAD, or at the recent commits the undo records restore, can still grow.
  const live = new Set([...state.pages.values()].map((p) => rootId(state, p.historyId)));
  for (const record of state.undo) for (const [, page] of record.restore) if (page) live.add(rootId(state, page.historyId));
  const tables = new TableWriter();
  const snapshot: Omit<Snapshot, 'paths'> = {
    version: CACHE_VERSION,
    key,
    head: state.head,
    contentPrefix: state.contentPrefix,
    nextId: state.nextHistoryId,
    commits: tables.commits(state.commits),
    revisions: tables.revisions([...state.histories].filter(([id]) => live.has(id))),
    aliases: aliasesOf(state, (to) => live.has(to)),
    pages: tables.pages(state.pages),
    undo: tables.undo(state.undo),
  };
  const file = cacheFile(cacheDir, key);
  mkdirSync(cacheDir, { recursive: true });
  const body = Buffer.from(JSON.stringify({ ...snapshot, paths: tables.paths } satisfies Snapshot));
  // Write then rename, so a run cut off halfway never leaves a torn file for the next one.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${seal(sealKeyFor(cacheDir), body)}\n`), body]));
  renameSync(tmp, file);
  rmSync(logFile(cacheDir, key), { force: true });
}

/** Records only what a run added after `baseline`; falls back to a new snapshot when the log has grown. */
export function appendWalkState(cacheDir: string, key: string, state: WalkState, baseline: Baseline): void {
  const log = logFile(cacheDir, key);
  const logSize = statSync(log, { throwIfNoEntry: false })?.size ?? 0;
  const snapshotSize = statSync(cacheFile(cacheDir, key), { throwIfNoEntry: false })?.size ?? 0;
  const appends = logSize ? readFileSync(log, 'utf8').split('\n').length - 1 : 0;
  if (snapshotSize === 0 || appends >= MAX_APPENDS || logSize > snapshotSize / 4) return saveWalkState(cacheDir, key, state);
  // New histories are written whole (a copy's starts with old revisions); one joined with an old history is told by a snapshot only.
  const isNewHistory = (id: number) => id >= baseline.nextHistoryId;
  if ([...state.aliases.keys()].some((id) => isNewHistory(id) !== isNewHistory(rootId(state, id)))) return saveWalkState(cacheDir, key, state);
  const newCommits = new Set<string>(state.commits.slice(baseline.commits).map((c) => c.oid));
  const isNew = (oid: string) => newCommits.has(oid);
  // Runs of new revisions, each continuing its history in order.
  const runs: [number, RawRevision[]][] = [];
  for (const [id, list] of state.histories) {
    if (isNewHistory(id)) runs.push([id, list]);
    else {
      const fresh = list.filter((r) => r.commitIndex >= baseline.commits);
      if (fresh.length > 0) runs.push([id, fresh]);
    }
  }
  const pages: [string, PageState][] = [];
  for (const [p, page] of state.pages) if (baseline.pages.get(p) !== page) pages.push([p, page]);
  const fresh = state.undo.findIndex((r) => !isNew(r.oid));
  const newUndo = fresh < 0 ? state.undo : state.undo.slice(0, fresh);
  const tables = new TableWriter();
  const append: Omit<Append, 'paths'> = {
    version: CACHE_VERSION,
    key,
    from: baseline.head,
    head: state.head,
    nextId: state.nextHistoryId,
    commits: tables.commits(state.commits.slice(baseline.commits)),
    revisions: tables.revisions(runs),
    aliases: aliasesOf(state),
    pages: tables.pages(pages),
    deleted: [...baseline.pages.keys()].filter((p) => !state.pages.has(p)).map((p) => tables.key(p)),
    undo: tables.undo(newUndo),
    undoFrom: fresh < 0 ? null : state.undo[fresh]!.oid,
  };
  const json = JSON.stringify({ ...append, paths: tables.paths } satisfies Append);
  appendFileSync(log, `${seal(sealKeyFor(cacheDir), json)} ${json}\n`);
}

const signatureFile = (cacheDir: string, key: string) => cacheFile(cacheDir, key).replace(/\.json$/, '.sigs');

/** The chunk signatures of page blobs a run kept (sealed like the state), by blob; null when there are none to trust. */
export function loadSignatures(cacheDir: string, key: string): Map<string, Signature> | null {
  let framed: Buffer;
  try {
    framed = readFileSync(signatureFile(cacheDir, key));
  } catch {
    return null;
  }
  const sealKey = readSealKey(cacheDir);
  if (!sealKey || framed[SEAL_LENGTH] !== 0x0a) return null;
  const body = framed.subarray(SEAL_LENGTH + 1);
  return isSealed(sealKey, body, framed.toString('latin1', 0, SEAL_LENGTH)) ? decodeSignatures(body) : null;
}

export function saveSignatures(cacheDir: string, key: string, signatures: ReadonlyMap<string, Signature>): void {
  const file = signatureFile(cacheDir, key);
  mkdirSync(cacheDir, { recursive: true });
  const body = encodeSignatures(signatures);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${seal(sealKeyFor(cacheDir), body)}\n`), body]));
  renameSync(tmp, file);
}
