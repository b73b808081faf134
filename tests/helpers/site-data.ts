// Test helper: what the integration hands the page bundle (`virtual:wiki/site`), made from a real wiki folder with the same loaders, and served to vitest's virtual module.
import { loadSiteHistory } from '../../src/integration/history-fs.ts';
import { outdatedBeforeBotsFs } from '../../src/integration/outdated-fs.ts';
import type { SiteData } from '../../src/integration/site-data.ts';
import { loadWiki } from '../../src/lib/wiki-fs.ts';
import { locateFixture } from './location.ts';

/** Read by the module vitest.config.ts serves as `virtual:wiki/site`. */
export const SITE_SLOT = Symbol.for('cop-wiki.test-site-data');

export async function siteDataOf(root: string, today: string): Promise<SiteData> {
  const wiki = loadWiki(locateFixture(root, { WIKI_TODAY: today }));
  const { history } = await loadSiteHistory(wiki);
  const { communities, pages, assets, tags, folders } = wiki.model;
  const outdatedBeforeBots = await outdatedBeforeBotsFs(wiki.location.repository?.commondir, pages, history.pages);
  return { config: wiki.config, model: { communities, pages, assets, tags, folders }, history, contentInRepository: wiki.location.contentInRepository, today, outdatedBeforeBots };
}

/** Serves `data` as `virtual:wiki/site` to modules imported after this call (after `vi.resetModules()`). */
export function serveSiteData(data: SiteData): void {
  (globalThis as { [SITE_SLOT]?: SiteData })[SITE_SLOT] = data;
}
