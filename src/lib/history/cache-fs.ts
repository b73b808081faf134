// Runs in Node: keeps the walk's state on disk, keyed by repository and content folder and stamped with the HEAD it describes.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rootId, type CommitInfo, type PageState, type RawRevision, type WalkState } from './walk-state.ts';

/** Bump when the stored shape or the meaning of its numbers changes: older files are then ignored. */
export const CACHE_VERSION = 1;

type StoredCommit = [oid: string, name: string, email: string, date: string, subject: string, coAuthors: [string, string][]];
type StoredRevision = [commit: number, path: string, added: number, removed: number, merge: 0 | 1, blob: string, parentBlob: string | null, previousPath?: string];

interface StoredState {
  version: number;
  key: string;
  head: string;
  contentPrefix: string;
  nextId: number;
  commits: StoredCommit[];
  histories: [number, StoredRevision[]][];
  aliases: [number, number][];
  pages: [path: string, id: number, blob: string, origins: number[]][];
}

export function cacheFile(cacheDir: string, key: string): string {
  return path.join(cacheDir, `history-${createHash('sha1').update(key).digest('hex').slice(0, 16)}.json`);
}

export function loadWalkState(cacheDir: string, key: string): WalkState | undefined {
  let stored: StoredState;
  try {
    stored = JSON.parse(readFileSync(cacheFile(cacheDir, key), 'utf8')) as StoredState;
  } catch {
    return undefined;
  }
  if (stored.version !== CACHE_VERSION || stored.key !== key) return undefined;
  return {
    head: stored.head,
    contentPrefix: stored.contentPrefix,
    nextId: stored.nextId,
    commits: stored.commits.map(([oid, name, email, date, subject, co]): CommitInfo => ({ oid, name, email, date, subject, coAuthors: co.map(([n, e]) => ({ name: n, email: e })) })),
    histories: new Map(stored.histories.map(([id, list]) => [id, list.map(toRevision)])),
    aliases: new Map(stored.aliases),
    pages: new Map(stored.pages.map(([p, id, blob, origins]): [string, PageState] => [p, { id, blob, origins }])),
  };
}

function toRevision([commit, p, added, removed, merge, blob, parentBlob, previousPath]: StoredRevision): RawRevision {
  return { commit, path: p, added, removed, merge: merge === 1, blob, parentBlob, ...(previousPath !== undefined ? { previousPath } : {}) };
}

export function saveWalkState(cacheDir: string, key: string, state: WalkState): void {
  const live = new Set([...state.pages.values()].map((p) => rootId(state, p.id)));
  const stored: StoredState = {
    version: CACHE_VERSION,
    key,
    head: state.head,
    contentPrefix: state.contentPrefix,
    nextId: state.nextId,
    commits: state.commits.map((c) => [c.oid, c.name, c.email, c.date, c.subject, c.coAuthors.map((p): [string, string] => [p.name, p.email])]),
    // Only histories of pages at HEAD can still grow: the cache is continued only from HEAD itself.
    histories: [...state.histories].filter(([id]) => live.has(id)).map(([id, list]) => [
      id,
      list.map((r): StoredRevision => {
        const row: StoredRevision = [r.commit, r.path, r.added, r.removed, r.merge ? 1 : 0, r.blob, r.parentBlob];
        if (r.previousPath !== undefined) row.push(r.previousPath);
        return row;
      }),
    ]),
    aliases: [...state.aliases].filter(([, to]) => live.has(rootId(state, to))),
    pages: [...state.pages].map(([p, page]) => [p, page.id, page.blob, page.origins]),
  };
  const file = cacheFile(cacheDir, key);
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a run cut off halfway never leaves a torn file for the next one.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(stored));
  renameSync(tmp, file);
}
