// Runs anywhere: what the build hands to the pages through the virtual module `virtual:wiki/site`.
import type { WikiConfig } from '../lib/config/schema.ts';
import type { SiteModel } from '../lib/content/types.ts';
import type { PageHistory } from '../lib/history/types.ts';

/** The history engine's result, keyed by page id for the pages; empty (head null) when there is no repository. */
export interface SiteHistory {
  head: string | null;
  shallow: boolean;
  pages: Record<string, PageHistory>;
}

export interface SiteData {
  config: WikiConfig;
  model: Omit<SiteModel, 'problems' | 'unpublished' | 'brokenLinks'>;
  history: SiteHistory;
  /** The content folder's path from the repository root ("" at the root), for forge links. */
  contentInRepository: string;
  /** The build's date (YYYY-MM-DD), against which review-by dates and ages are reckoned. */
  today: string;
  /** Pages a person last left `status: outdated` whose mark a bot's later commit removed: still outdated (src/lib/attribution/outdated.ts). */
  outdatedBeforeBots?: string[];
}

/** The virtual module's source: the data as a JSON string, parsed once when the page bundle loads it. */
export const siteDataModule = (data: SiteData): string => `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
