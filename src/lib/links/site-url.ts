// Runs anywhere: reads a link that names no file as a URL of the site another generator built from the same files.
import { isIndexName, pageStem } from '../content/page-rule.ts';
import { slugSegment } from '../content/slugs.ts';
import type { IndexablePage, PageIndex } from './page-index.ts';

/**
 * Jekyll, Hugo, Eleventy and Middleman publish `ops/deploy.md` at `/ops/deploy/` (or `/ops/deploy.html`), and
 * authors link to those URLs: `../rollback/` from deploy.md means the sibling page, `/ops/rollback.html` the
 * page from the site's root. The wiki's URLs mirror the same paths, so such a link is read in the wiki's URL
 * space: relative to the linking page's own URL (its id, a folder), or from the site root; each segment
 * slugged, a target extension dropped. Only links that name no file get here.
 */
export function pageAtSiteUrl<P extends IndexablePage>(index: PageIndex<P>, from: P, path: string): P | undefined {
  const parts = path.startsWith('/') ? [] : from.id.split('/');
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  const last = parts.pop();
  if (last !== undefined && !isIndexName(last)) parts.push(pageStem(last));
  const slugs = parts.map(slugSegment);
  return slugs.some((s) => s === '') ? undefined : index.byId.get(slugs.join('/'));
}
