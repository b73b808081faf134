// Runs in Node: the history engine's public entry.
export { readRepositoryHistory, type ReadHistoryOptions } from './read-history-fs.ts';
export { defaultCacheDir } from './cache-place-fs.ts';
export type { Contributor, HistoryStats, PageHistory, Person, RepositoryHistory, Revision } from './types.ts';
