// Runs anywhere: the on-disk form of the built-link check's cache, each page's links and anchors keyed by a hash of its bytes.
import type { BuiltLink, BuiltPage } from './built-page-links.ts';

/** Bumped whenever what readBuiltPage extracts, or this format, changes: an older cache is then ignored whole. */
export const BUILT_LINKS_CACHE_VERSION = 1;

/** One page: links as [url, where, authored (1|0)], its anchors, its `<base href>` if any. */
type StoredPage = [links: [string, string, number][], anchors: string[], baseHref?: string];

interface StoredCache {
  version: number;
  pages: Record<string, StoredPage>;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** A stored page, or undefined when it is not the shape this version writes (a hand-edited or damaged file). */
function pageOf(stored: unknown): BuiltPage | undefined {
  if (!Array.isArray(stored) || stored.length < 2 || stored.length > 3) return undefined;
  const [links, anchors, baseHref] = stored as unknown[];
  if (!Array.isArray(links) || !Array.isArray(anchors) || !anchors.every(isString)) return undefined;
  if (baseHref !== undefined && !isString(baseHref)) return undefined;
  const built: BuiltLink[] = [];
  for (const link of links) {
    if (!Array.isArray(link) || link.length !== 3 || !isString(link[0]) || !isString(link[1]) || (link[2] !== 0 && link[2] !== 1)) return undefined;
    built.push({ url: link[0], where: link[1], authored: link[2] === 1 });
  }
  return { links: built, anchors: new Set(anchors), ...(baseHref !== undefined ? { baseHref } : {}) };
}

/** Cached pages by hash, read from the cache file's text; anything unreadable is simply not cached. */
export function readBuiltLinksCache(text: string | undefined): Map<string, unknown> {
  if (text === undefined) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new Map();
  }
  if (typeof parsed !== 'object' || parsed === null) return new Map();
  const { version, pages } = parsed as Partial<StoredCache>;
  if (version !== BUILT_LINKS_CACHE_VERSION || typeof pages !== 'object' || pages === null || Array.isArray(pages)) return new Map();
  return new Map(Object.entries(pages));
}

/** The cached page for `hash`, checked for shape only when used, so loading costs one JSON.parse. */
export function cachedPage(cache: ReadonlyMap<string, unknown>, hash: string): BuiltPage | undefined {
  return cache.has(hash) ? pageOf(cache.get(hash)) : undefined;
}

/** The cache file's text for the pages of this build only, so entries of pages no longer written drop out. */
export function writeBuiltLinksCache(pages: ReadonlyMap<string, BuiltPage>): string {
  const stored: Record<string, StoredPage> = {};
  for (const [hash, page] of pages) {
    const links = page.links.map((l): [string, string, number] => [l.url, l.where, l.authored ? 1 : 0]);
    stored[hash] = page.baseHref === undefined ? [links, [...page.anchors]] : [links, [...page.anchors], page.baseHref];
  }
  return JSON.stringify({ version: BUILT_LINKS_CACHE_VERSION, pages: stored } satisfies StoredCache);
}
