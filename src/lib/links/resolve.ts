// Runs anywhere: turns a wikilink target or a relative Markdown link into the page or asset it names.
import type { ContentPath } from '../content/paths.ts';
import { INDEX_NAMES, isIndexName, isIndexPage, isPagePath, pageStem } from '../content/page-rule.ts';
import { resolveRelativePath } from '../content/paths.ts';
import { slugSegment, textSlug } from '../content/slugs.ts';
import { landingAnchor } from '../content/author-anchors.ts';
import { pathKey, type IndexablePage, type PageIndex } from './page-index.ts';
import { pageAtSiteUrl } from './site-url.ts';

export type Resolution<P extends IndexablePage = IndexablePage> =
  | { kind: 'page'; page: P; anchor?: string; headingMissing?: string }
  | { kind: 'asset'; assetId: string; anchor?: string }
  | { kind: 'external' }
  | { kind: 'broken'; reason: string };

function slugPath(target: string): string {
  const segments = pageStem(target)
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .map(slugSegment);
  if (segments.length > 1 && isIndexName(segments.at(-1) ?? '')) segments.pop();
  return segments.join('/');
}

function folderIdOf(page: IndexablePage, isIndex: boolean): string {
  return isIndex ? page.id : page.id.slice(0, page.id.lastIndexOf('/'));
}

function unique<P>(candidates: readonly P[] | undefined, describe: (p: P) => string, what: string): { page?: P; reason?: string } {
  if (!candidates || candidates.length === 0) return {};
  if (candidates.length === 1) return { page: candidates[0] };
  return { reason: `${what} is ambiguous: it could be ${candidates.map(describe).join(' or ')}; write the path instead` };
}

function withHeading<P extends IndexablePage>(page: P, heading: string | undefined): Resolution<P> {
  if (!heading) return { kind: 'page', page };
  const anchor = textSlug(heading);
  const found = page.headings.some((h) => h.slug === anchor || h.text.toLowerCase() === heading.toLowerCase());
  if (!found && page.anchors?.includes(heading)) return { kind: 'page', page, anchor: landingAnchor(heading, [], page.anchors) };
  return { kind: 'page', page, anchor, ...(found ? {} : { headingMissing: heading }) };
}

/** A `#fragment` as written, moved onto the sanitizer's prefix when it names an author's anchor rather than a heading. */
function fragmentOn(page: IndexablePage, anchor: string): string {
  return landingAnchor(anchor, page.headings.map((h) => h.slug), page.anchors);
}

/**
 * Wikilink targets are tried in order: a path from the content root (community/page), from the
 * linking page's community, from its folder; then a file name in the same community, a community
 * home, a page title (same community first), a file name anywhere.
 */
export function resolveWikilink<P extends IndexablePage>(index: PageIndex<P>, from: P, target: string, heading?: string): Resolution<P> {
  if (!target) return withHeading(from, heading);
  const key = slugPath(target);
  const folder = folderIdOf(from, isIndexPage(from.path));
  const describe = (p: P) => `${p.path}`;
  const direct = [key, `${from.community}/${key}`, `${folder}/${key}`];
  for (const id of key.includes('/') ? direct : [direct[2], direct[1], direct[0]]) {
    const page = id ? index.byId.get(id) : undefined;
    if (page) return withHeading(page, heading);
  }
  if (!key.includes('/')) {
    const inCommunity = index.byName.get(key)?.filter((p) => p.community === from.community);
    const named = unique(inCommunity, describe, `[[${target}]]`);
    if (named.page) return withHeading(named.page, heading);
    if (named.reason) return { kind: 'broken', reason: named.reason };
  }
  const titled = index.byTitle.get(target.trim().normalize('NFC').toLowerCase());
  const titledHere = titled?.filter((p) => p.community === from.community);
  const byTitle = unique(titledHere?.length ? titledHere : titled, describe, `the title "${target}"`);
  if (byTitle.page) return withHeading(byTitle.page, heading);
  if (byTitle.reason) return { kind: 'broken', reason: byTitle.reason };
  if (!key.includes('/')) {
    const anywhere = unique(index.byName.get(key), describe, `[[${target}]]`);
    if (anywhere.page) return withHeading(anywhere.page, heading);
    if (anywhere.reason) return { kind: 'broken', reason: anywhere.reason };
  }
  return { kind: 'broken', reason: 'no page has this path, file name or title' };
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The page a content path names: its file, `deploy.html` for `deploy.html.md` or `deploy.md` (page-rule.ts `pageStem`), or a folder's index page. */
function pageAtPath<P extends IndexablePage>(index: PageIndex<P>, key: string): P | undefined {
  if (!key) return undefined;
  return index.byPath.get(key) ?? (isPagePath(key) ? undefined : (index.byPath.get(pageStem(key)) ?? folderIndex(index, key)));
}

function onPage<P extends IndexablePage>(page: P, anchor: string | undefined): Resolution<P> {
  return { kind: 'page', page, ...(anchor ? { anchor: fragmentOn(page, anchor) } : {}) };
}

/**
 * Relative Markdown links and images: to a page file, an asset, or a folder with an index page; a link that
 * names no file, and a root-relative one, as a URL of the site another generator built (site-url.ts).
 */
export function resolveMarkdownLink<P extends IndexablePage>(index: PageIndex<P>, from: P, url: string): Resolution<P> {
  if (!url || SCHEME.test(url) || url.startsWith('//') || url.startsWith('?')) return { kind: 'external' };
  const hashAt = url.indexOf('#');
  const pathPart = safeDecode((hashAt === -1 ? url : url.slice(0, hashAt)).split('?')[0] ?? '');
  const anchor = hashAt === -1 ? undefined : url.slice(hashAt + 1) || undefined;
  if (url.startsWith('/')) {
    // From the site's root, which for Middleman, Jekyll and Hugo is the content folder.
    const atRoot = pageAtPath(index, pathKey(resolveRelativePath(from.path, pathPart) ?? '')) ?? pageAtSiteUrl(index, from, pathPart);
    return atRoot ? onPage(atRoot, anchor) : { kind: 'external' };
  }
  if (!pathPart) return anchor ? { kind: 'page', page: from, anchor: fragmentOn(from, anchor) } : { kind: 'external' };
  const resolved = resolveRelativePath(from.path, pathPart);
  if (resolved === undefined) {
    const atUrl = pageAtSiteUrl(index, from, pathPart);
    return atUrl ? onPage(atUrl, anchor) : { kind: 'broken', reason: 'the link climbs above the content folder' };
  }
  const key = pathKey(resolved);
  const page = pageAtPath(index, key);
  if (page) return onPage(page, anchor);
  const asset = index.assets.get(key);
  if (asset) return { kind: 'asset', assetId: asset, ...(anchor ? { anchor } : {}) };
  const atUrl = pageAtSiteUrl(index, from, pathPart);
  if (atUrl) return onPage(atUrl, anchor);
  const template = index.templates.get(pageStem(key));
  if (template) return { kind: 'broken', reason: `it is made by the ERB template ${template}, which the wiki does not run` };
  const reason = isPagePath(key) ? 'no such page file' : 'no such file in the content folder';
  return { kind: 'broken', reason };
}

function folderIndex<P extends IndexablePage>(index: PageIndex<P>, folderKey: string): P | undefined {
  const folder = folderKey.replace(/\/$/, '');
  for (const name of INDEX_NAMES) {
    const page = index.byPath.get(folder ? `${folder}/${name}` : name);
    if (page) return page;
  }
  return undefined;
}

