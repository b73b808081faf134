// Runs in the browser: loads Pagefind once, on first use, with every language's index merged so one search covers the wiki.
import { languagesToMerge } from '../lib/search/languages.ts';
import type { PagefindSearchOptions } from '../lib/search/query-state.ts';
import type { ResultData } from '../lib/search/result-view.ts';

/** The parts of Pagefind's browser API (pagefind.js, v1.6) this site uses. */
export interface PagefindResult {
  id: string;
  data: () => Promise<ResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Result counts per filter value under the current filters. */
  filters: Record<string, Record<string, number>>;
  /** Result counts per filter value for the query without filters. */
  totalFilters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (url: string, options?: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch>;
  debouncedSearch: (query: string | null, options?: PagefindSearchOptions, ms?: number) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  preload: (query: string, options?: PagefindSearchOptions) => Promise<void>;
}

/** The header form carries the site's settings: its action is the results page, data-base the base path. */
export interface SiteSearchConfig {
  base: string;
  searchPage: string;
}

export function searchConfigOf(form: HTMLFormElement): SiteSearchConfig {
  return { base: form.dataset.base ?? '/', searchPage: form.getAttribute('action') ?? '/search/' };
}

let loading: Promise<Pagefind> | undefined;

async function load(base: string): Promise<Pagefind> {
  const bundle = `${base}pagefind/`;
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  // No web worker: searching even 10,000 pages takes milliseconds on the main thread, and the worker
  // is one more script (42 KB) to fetch before the first result (see README, Search: Scale).
  await pagefind.options({ baseUrl: base, excerptLength: 24, noWorker: true });
  await pagefind.init();
  const response = await fetch(`${bundle}pagefind-entry.json`);
  if (!response.ok) throw new Error(`${bundle}pagefind-entry.json: HTTP ${response.status}`);
  const entry = (await response.json()) as { languages: Record<string, { page_count: number }> };
  // Pagefind skips a merge whose path is a prefix of its own bundle's; "./" names the same folder by a
  // path it does not recognise, so this bundle's other language indexes can be merged in.
  for (const language of languagesToMerge(entry.languages, document.documentElement.lang || 'unknown')) {
    await pagefind.mergeIndex(`${bundle}./`, { language, baseUrl: base });
  }
  return pagefind;
}

/** One Pagefind for the page; a failed load (offline, index missing) is retried on the next call. */
export function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= load(base).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
