// Runs in Node at build time: runs the history engine for the configured content folder and keys its pages by page id.
import { historyOptionsOf } from '../lib/config/history-options.ts';
import { readRepositoryHistory } from '../lib/history/index.ts';
import type { PageHistory, RepositoryHistory } from '../lib/history/types.ts';
import type { LoadedWiki } from '../lib/wiki-fs.ts';
import type { SiteHistory } from './site-data.ts';

export interface LoadedHistory {
  history: SiteHistory;
  warnings: string[];
  /** One line for the build log: commits walked and time taken. */
  summary: string;
}

/** Repo-relative paths → content paths → page ids; NFC on both sides, since macOS may commit NFD names. */
function keyByPageId(result: RepositoryHistory, wiki: Pick<LoadedWiki, 'model' | 'contentDir'>, repoContentPrefix: string): SiteHistory {
  const byContentPath = new Map<string, PageHistory>();
  const prefix = repoContentPrefix ? `${repoContentPrefix.normalize('NFC')}/` : '';
  for (const [repoPath, page] of Object.entries(result.pages)) {
    const p = repoPath.normalize('NFC');
    if (p.startsWith(prefix)) byContentPath.set(p.slice(prefix.length), page);
  }
  const pages: Record<string, PageHistory> = {};
  for (const page of wiki.model.pages) {
    const found = byContentPath.get(page.path.normalize('NFC'));
    if (found) pages[page.id] = found;
  }
  return { head: result.head, shallow: result.shallow, pages };
}

/** `onProgress` hears of the walk as it goes: commits done of the commits to walk. */
export async function loadSiteHistory(wiki: LoadedWiki, onProgress?: (done: number, total: number) => void): Promise<LoadedHistory> {
  let result: RepositoryHistory;
  try {
    result = await readRepositoryHistory({ place: wiki.location, cacheDir: wiki.location.historyCache, ...historyOptionsOf(wiki.config), onProgress });
  } catch (error) {
    // A damaged repository costs the site its history sections, not the build.
    const message = error instanceof Error ? error.message : String(error);
    return { history: { head: null, shallow: false, pages: {} }, warnings: [`page history is not shown: ${message}`], summary: 'no page history' };
  }
  const s = result.stats;
  return {
    history: keyByPageId(result, wiki, wiki.location.contentInRepository),
    warnings: result.warnings,
    summary: `history of ${Object.keys(result.pages).length} pages from ${s?.commits ?? 0} commits (${s?.processed ?? 0} walked, ${s?.mode ?? 'none'}) in ${s?.ms ?? 0} ms`,
  };
}
