// Runs anywhere: look-up tables over every page, built once, used by link resolution.
import type { ContentPath, PageId } from '../content/paths.ts';
import { isIndexPage, pageStem, templatePageStem } from '../content/page-rule.ts';
import { stripExtension } from '../content/paths.ts';
import { foldersOfPage } from '../content/folders.ts';
import type { Heading } from '../content/headings.ts';
import { slugSegment } from '../content/slugs.ts';
import { permalinkKey } from './site-url.ts';

export interface IndexablePage {
  id: PageId;
  path: ContentPath;
  community: string;
  title: string;
  headings: readonly Heading[];
  /** Anchors written in raw HTML (author-anchors.ts); absent where a caller has none. */
  anchors?: readonly string[];
  /** The URL the page had on the site another generator built (front matter `permalink:`). */
  permalink?: string;
}

export interface PageIndex<P extends IndexablePage = IndexablePage> {
  byId: Map<string, P>;
  /** Lower-cased content path, with and without its page extension, and without its target extension too (pageStem). */
  byPath: Map<string, P>;
  /** The file name's slug (its id's last segment; "readme"/"index" for index pages) and the lower-cased name as written → pages. */
  byName: Map<string, P[]>;
  /** Lower-cased title → pages. */
  byTitle: Map<string, P[]>;
  /** A permalink's key (site-url.ts) → the first page that claims it. */
  byPermalink: Map<string, P>;
  /** Lower-cased asset content path → asset id. */
  assets: Map<string, string>;
  /** Lower-cased content path of every asset the safety check refused → why. */
  refused: Map<string, string>;
  /** Lower-cased content path of every folder of pages → the folder's id (its URL path). */
  folders: Map<string, string>;
  /** The page an ERB template would have made (page-rule.ts `templatePageStem`), lower-cased → the template's path. */
  templates: Map<string, string>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export const pathKey = (path: string) => path.normalize('NFC').toLowerCase();

export function buildPageIndex<P extends IndexablePage>(
  pages: Iterable<P>,
  assets: Iterable<{ id: string; path: ContentPath }> = [],
  unpublished: Iterable<{ path: ContentPath }> = [],
  refused: Iterable<{ path: ContentPath; reason: string }> = [],
): PageIndex<P> {
  const index: PageIndex<P> = { byId: new Map(), byPath: new Map(), byName: new Map(), byTitle: new Map(), byPermalink: new Map(), assets: new Map(), refused: new Map(), folders: new Map(), templates: new Map() };
  for (const page of pages) {
    index.byId.set(page.id, page);
    index.byPath.set(pathKey(page.path), page);
    index.byPath.set(pathKey(stripExtension(page.path)), page);
    index.byPath.set(pathKey(pageStem(page.path)), page);
    const fileName = pageStem(page.path.slice(page.path.lastIndexOf('/') + 1));
    const slug = isIndexPage(page.path) ? slugSegment(fileName) : page.id.slice(page.id.lastIndexOf('/') + 1);
    // Both, so [[clang++]] finds clang++.md by its name even where its URL is spelled out as clang-plus-plus.
    for (const key of new Set([slug, pathKey(fileName)])) push(index.byName, key, page);
    push(index.byTitle, page.title.trim().normalize('NFC').toLowerCase(), page);
    for (const folder of foldersOfPage(page)) index.folders.set(pathKey(folder.path), folder.id);
    const permalink = page.permalink === undefined ? undefined : permalinkKey(page.permalink);
    if (permalink !== undefined && !index.byPermalink.has(permalink)) index.byPermalink.set(permalink, page);
  }
  for (const asset of assets) index.assets.set(pathKey(asset.path), asset.id);
  for (const { path } of unpublished) {
    const stem = templatePageStem(path);
    if (stem !== undefined) index.templates.set(pathKey(stem), path);
  }
  for (const file of refused) index.refused.set(pathKey(file.path), file.reason);
  return index;
}
