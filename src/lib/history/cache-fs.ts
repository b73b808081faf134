// Runs in Node: keeps the walk's state on disk: a snapshot plus a log of small appends, one per incremental run, each sealed with the folder's key.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidPathError, toRepoPath } from '../content/paths.ts';
import { isSealed, readSealKey, seal, sealKeyFor } from './cache-seal-fs.ts';
import { toCommitId } from './commit-id.ts';
import { InvalidIdError } from './errors.ts';
import { decodeMarks, encodeMarks, type StoredCopy } from './move-marks.ts';
import { joinHistories, rootId, UNDO_DEPTH, type CommitInfo, type PageState, type RawRevision, type UndoRecord, type WalkState } from './walk-state.ts';

/** Bump when the stored shape or the meaning of its numbers changes: older files are then ignored. 5: a merge that wrote no line of its own is no revision; commits keep their committer time. 6: pages moved in from outside the content folder carry their history. 7: lines matched by git's own diff (xdiff); moved and copied text keeps its origins (`git blame -C`); copies and pages created again follow `git log --follow`. 8: moved text also keeps the origins of lines copied from files that are not pages. 9: moved lines keep their move marks, decided again at HEAD; histories followed back from outside take copies and re-creations. 10: histories followed back from outside also list the commits of a merge's other parents where the merge has one parent's version (git log --follow simplifies no history). */
const CACHE_VERSION = 10;
/** Past this many appends (or a log a quarter of the snapshot's size) the next save writes a new snapshot. */
const MAX_APPENDS = 200;

type StoredCommit = [oid: string, name: string, email: string, date: string, subject: string, coAuthors: [string, string][], time: number];
type StoredRevision = [commitIndex: number, path: string, added: number, removed: number, merge: 0 | 1, blob: string, parentBlob: string | null, previousPath?: string | null, copiedFrom?: string | null, deleted?: 1];
/** `moved`: the moved lines' marks as `encodeMarks` writes them, and the groups git copies from another file (line, origin pairs) once known; only on a page with marks. */
type StoredPage = [path: string, historyId: number, blob: string, origins: number[], moved?: [marks: number[], copies: StoredCopy[], rematched: number[] | null]];
/** A restored page, or just its path where the page did not exist. */
type StoredUndo = [oid: string, parent: string, restore: (StoredPage | [path: string])[]];

/** The stored shape keeps its field names (`nextId` is the next history id), so older files stay readable. */
interface Snapshot {
  version: number;
  key: string;
  head: string;
  contentPrefix: string;
  nextId: number;
  commits: StoredCommit[];
  histories: [number, StoredRevision[]][];
  aliases: [number, number][];
  pages: StoredPage[];
  undo: StoredUndo[];
}

/** What one incremental run added on top of the state at `from`. */
interface Append {
  version: number;
  key: string;
  from: string;
  head: string;
  nextId: number;
  commits: StoredCommit[];
  revisions: [number, StoredRevision][];
  aliases: [number, number][];
  pages: StoredPage[];
  deleted: string[];
  /** Undo records of the new commits on HEAD's line; the older ones continue from `undoFrom` in the records before. */
  undo: StoredUndo[];
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
  const state: WalkState = {
    head: snapshot.head,
    contentPrefix: snapshot.contentPrefix,
    nextHistoryId: snapshot.nextId,
    commits: snapshot.commits.map(toCommit),
    histories: new Map(snapshot.histories.map(([id, list]) => [id, list.map(toRevision)])),
    aliases: new Map(),
    pages: new Map(snapshot.pages.map(toPage)),
    undo: snapshot.undo.map(toUndo),
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
    state.head = append.head;
    state.nextHistoryId = append.nextId;
    state.commits.push(...append.commits.map(toCommit));
    applyAliases(state, append.aliases);
    for (const [id, raw] of append.revisions) {
      const root = rootId(state, id);
      const list = state.histories.get(root);
      if (list) list.push(toRevision(raw));
      else state.histories.set(root, [toRevision(raw)]);
    }
    for (const p of append.deleted) state.pages.delete(p);
    for (const page of append.pages) state.pages.set(page[0], toPage(page)[1]);
    const from = state.undo.findIndex((r) => r.oid === append.undoFrom);
    state.undo = [...append.undo.map(toUndo), ...(from >= 0 ? state.undo.slice(from) : [])].slice(0, UNDO_DEPTH);
  }
  return { state };
}

function applyAliases(state: WalkState, aliases: [number, number][]): void {
  for (const [from, to] of aliases) joinHistories(state, from, to);
}

const toCommit = ([oid, name, email, date, subject, co, time]: StoredCommit): CommitInfo => ({ oid: toCommitId(oid), name, email, date, subject, coAuthors: co.map(([n, e]) => ({ name: n, email: e })), time });
const fromCommit = (c: CommitInfo): StoredCommit => [c.oid, c.name, c.email, c.date, c.subject, c.coAuthors.map((p): [string, string] => [p.name, p.email]), c.time];
function toPage([p, historyId, blob, origins, moved]: StoredPage): [string, PageState] {
  if (moved === undefined) return [p, { historyId, blob, origins }];
  const [flat, copies, rematched] = Array.isArray(moved) ? moved : [];
  const marks = Array.isArray(flat) && Array.isArray(copies) ? decodeMarks(flat, copies, origins.length) : null;
  const pairs = rematched === null || (Array.isArray(rematched) && rematched.length % 2 === 0 && rematched.every((x, i) => Number.isSafeInteger(x) && x >= 0 && (i % 2 === 1 || x < origins.length)));
  if (!marks || !pairs) throw new InvalidIdError('move marks', p, 'they are not marks of its lines');
  return [p, { historyId, blob, origins, marks, ...(rematched ? { rematched } : {}) }];
}

function fromPage(p: string, page: PageState): StoredPage {
  if (!page.marks) return [p, page.historyId, page.blob, page.origins];
  const { flat, copies } = encodeMarks(page.marks);
  return [p, page.historyId, page.blob, page.origins, [flat, copies, page.rematched ? [...page.rematched] : null]];
}

const toUndo = ([oid, parent, restore]: StoredUndo): UndoRecord => ({
  oid,
  parent,
  restore: restore.map((row): [string, PageState | null] => (row.length === 1 ? [row[0], null] : toPage(row))),
});
const fromUndo = (r: UndoRecord): StoredUndo => [r.oid, r.parent, r.restore.map(([p, page]) => (page ? fromPage(p, page) : [p]))];

function toRevision([commitIndex, p, added, removed, merge, blob, parentBlob, previousPath, copiedFrom, deleted]: StoredRevision): RawRevision {
  const revision: RawRevision = { commitIndex, path: toRepoPath(p), added, removed, merge: merge === 1, blob, parentBlob };
  if (previousPath !== undefined && previousPath !== null) revision.previousPath = toRepoPath(previousPath);
  if (copiedFrom !== undefined && copiedFrom !== null) revision.copiedFrom = toRepoPath(copiedFrom);
  if (deleted === 1) revision.deleted = true;
  return revision;
}

function fromRevision(r: RawRevision): StoredRevision {
  const row: StoredRevision = [r.commitIndex, r.path, r.added, r.removed, r.merge ? 1 : 0, r.blob, r.parentBlob];
  if (r.previousPath !== undefined || r.copiedFrom !== undefined || r.deleted) row.push(r.previousPath ?? null);
  if (r.copiedFrom !== undefined || r.deleted) row.push(r.copiedFrom ?? null);
  if (r.deleted) row.push(1);
  return row;
}

/** Ids joined at merges, each pointing at its final history: replaying them rebuilds the same joins. */
const aliasesOf = (state: WalkState): [number, number][] => [...state.aliases.keys()].map((id) => [id, rootId(state, id)]);

export function saveWalkState(cacheDir: string, key: string, state: WalkState): void {
  // Only histories of pages at HEAD, or at the recent commits the undo records restore, can still grow.
  const live = new Set([...state.pages.values()].map((p) => rootId(state, p.historyId)));
  for (const record of state.undo) for (const [, page] of record.restore) if (page) live.add(rootId(state, page.historyId));
  const snapshot: Snapshot = {
    version: CACHE_VERSION,
    key,
    head: state.head,
    contentPrefix: state.contentPrefix,
    nextId: state.nextHistoryId,
    commits: state.commits.map(fromCommit),
    histories: [...state.histories].filter(([id]) => live.has(id)).map(([id, list]) => [id, list.map(fromRevision)]),
    aliases: aliasesOf(state).filter(([, to]) => live.has(to)),
    pages: [...state.pages].map(([p, page]) => fromPage(p, page)),
    undo: state.undo.map(fromUndo),
  };
  const file = cacheFile(cacheDir, key);
  mkdirSync(cacheDir, { recursive: true });
  const body = Buffer.from(JSON.stringify(snapshot));
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
  const revisions: [number, StoredRevision][] = [];
  for (const [id, list] of state.histories) for (const r of list) if (r.commitIndex >= baseline.commits || isNewHistory(id)) revisions.push([id, fromRevision(r)]);
  const pages: StoredPage[] = [];
  for (const [p, page] of state.pages) if (baseline.pages.get(p) !== page) pages.push(fromPage(p, page));
  const fresh = state.undo.findIndex((r) => !isNew(r.oid));
  const newUndo = fresh < 0 ? state.undo : state.undo.slice(0, fresh);
  const append: Append = {
    version: CACHE_VERSION,
    key,
    from: baseline.head,
    head: state.head,
    nextId: state.nextHistoryId,
    commits: state.commits.slice(baseline.commits).map(fromCommit),
    revisions,
    aliases: aliasesOf(state),
    pages,
    deleted: [...baseline.pages.keys()].filter((p) => !state.pages.has(p)),
    undo: newUndo.map(fromUndo),
    undoFrom: fresh < 0 ? null : state.undo[fresh]!.oid,
  };
  const json = JSON.stringify(append);
  appendFileSync(log, `${seal(sealKeyFor(cacheDir), json)} ${json}\n`);
}
