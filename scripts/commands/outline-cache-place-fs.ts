// Runs in Node: where `wiki check` keeps page outlines between runs: beside the history cache, in a folder git does not track.
import path from 'node:path';
import type { Finding } from '../../src/lib/contributing/check-report.ts';
import { openOutlineCache, type OutlineCache } from '../../src/lib/outline-cache-fs.ts';
import { defaultCacheDir, trackedCacheRefusal } from '../../src/lib/history/cache-place-fs.ts';
import type { WikiLocation } from '../../src/lib/location.ts';

export interface PlacedOutlineCache {
  /** For this run only outside a repository, with `--no-cache`, or where the folder cannot be trusted. */
  cache: OutlineCache;
  /** Saves the cache; what stopped it being used or written, as warnings. */
  finish: () => Finding[];
}

/** The outline cache in the history cache's folder (WIKI_HISTORY_CACHE, default the git folder); `keep` false, or outside a repository, one for this run only. */
export async function placeOutlineCache(location: Pick<WikiLocation, 'root' | 'repository' | 'historyCache'>, keep: boolean): Promise<PlacedOutlineCache> {
  const repo = location.repository;
  if (!repo || !keep) return { cache: openOutlineCache(), finish: () => [] };
  const dir = location.historyCache ?? defaultCacheDir(repo);
  const file = path.relative(location.root, dir).split(path.sep).join('/') || '.';
  const refusal = await trackedCacheRefusal(repo, dir);
  if (refusal) {
    const message = `the cache folder holds files git tracks (a pull request may have put them there), so page outlines are not cached and every page is parsed`;
    return { cache: openOutlineCache(), finish: () => [{ file, severity: 'warning', message }] };
  }
  const cache = openOutlineCache(dir);
  return {
    cache,
    finish: () => {
      const unsaved = cache.save();
      return unsaved ? [{ file, severity: 'warning', message: unsaved }] : [];
    },
  };
}
