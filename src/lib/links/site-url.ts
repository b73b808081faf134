// Runs anywhere: reads a link that names no file as a URL of the site another generator built from the same files.
import { isIndexName, pageStem } from '../content/page-rule.ts';
import { slugSegment } from '../content/slugs.ts';
import type { IndexablePage, PageIndex } from './page-index.ts';

/** A site path's key: each segment slugged, a trailing index name or target extension dropped; undefined when a segment has no letters or digits. */
function siteKey(parts: string[]): string | undefined {
  const last = parts.at(-1);
  const segments = last === undefined ? [] : isIndexName(last) ? parts.slice(0, -1) : [...parts.slice(0, -1), pageStem(last)];
  const slugs = segments.map(slugSegment);
  return slugs.some((s) => s === '') ? undefined : slugs.join('/');
}

/**
 * The key of a page's `permalink:` (Jekyll, Eleventy, Hugo front matter: the URL the page had there), or
 * undefined for one that is not a plain path (`/:title/`, `{{ page.fileSlug }}`).
 */
export function permalinkKey(permalink: string): string | undefined {
  if (!permalink.startsWith('/') || /[:{}%<>\s]/.test(permalink)) return undefined;
  return siteKey(permalink.split('/').filter((s) => s !== '' && s !== '.'));
}

/**
 * Jekyll, Hugo, Eleventy and Middleman publish `ops/deploy.md` at `/ops/deploy/` (or `/ops/deploy.html`, or its
 * `permalink:`), and authors link to those URLs: `../rollback/` from deploy.md means the sibling page,
 * `/ops/rollback.html` the page from the site's root. The wiki's URLs mirror the same paths, so such a link is
 * read in the wiki's URL space: relative to the linking page's own URL (its id, a folder), or from the site
 * root; a page's id first, then a page's permalink. Only links that name no file get here.
 */
export function pageAtSiteUrl<P extends IndexablePage>(index: PageIndex<P>, from: P, path: string): P | undefined {
  const own = from.permalink === undefined ? undefined : permalinkKey(from.permalink);
  // Relative to the page's URL here, then to the URL it had there (its permalink).
  const bases = path.startsWith('/') ? [''] : own !== undefined && own !== from.id ? [from.id, own] : [from.id];
  for (const base of bases) {
    const key = keyFrom(base, path);
    const page = key === undefined ? undefined : (index.byId.get(key) ?? index.byPermalink.get(key));
    if (page) return page;
  }
  return undefined;
}

/** The key of `path` joined onto the site path `base` (a key itself, "" for the root); undefined when it climbs above the root. */
function keyFrom(base: string, path: string): string | undefined {
  const parts = base ? base.split('/') : [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return siteKey(parts);
}
