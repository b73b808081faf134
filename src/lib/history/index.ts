// Runs in Node: the history engine's public entry.
export { readRepositoryHistory, defaultCacheDir, type ReadHistoryOptions } from './read-history-fs.ts';
export type { Contributor, HistoryStats, PageHistory, Person, RepositoryHistory, Revision } from './types.ts';
