// Runs anywhere: turns a wikilink target or a relative Markdown link into the page or asset it names.
import type { ContentPath } from '../content/paths.ts';
import { INDEX_NAMES, isIndexName, isIndexPage, isPagePath, pageStem } from '../content/page-rule.ts';
import { InvalidPathError, resolveRelativePath } from '../content/paths.ts';
import { segmentSlug, textSlug } from '../content/slugs.ts';
import { landingAnchor } from '../content/author-anchors.ts';
import { pathKey, type IndexablePage, type PageIndex } from './page-index.ts';
import { resolveInRepository, type RepositoryContext } from './repository-links.ts';
import { pageAtSiteUrl } from './site-url.ts';

export type Resolution<P extends IndexablePage = IndexablePage> =
  | { kind: 'page'; page: P; anchor?: string; headingMissing?: string }
  | { kind: 'asset'; assetId: string; anchor?: string }
  /** A folder of pages with no page at its URL: the link lands on the folder's generated listing. */
  | { kind: 'folder'; folderId: string }
  | { kind: 'external' }
  /** A file or folder of the repository outside the content folder, at its forge URL. */
  | { kind: 'repository'; url: string }
  | { kind: 'broken'; reason: string };

function slugPath(target: string): string {
  const segments = pageStem(target)
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .map(segmentSlug);
  if (segments.length > 1 && isIndexName(segments.at(-1) ?? '')) segments.pop();
  return segments.join('/');
}

/** A wikilink target as a content path under `folder` ("" for the root), or undefined when it climbs out; looked up before slugs, so names the slugger would merge (clang++, clang) stay apart. */
function pathUnder(folder: string, target: string): string | undefined {
  const parts = target.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.length === 0 || parts.includes('..')) return undefined;
  return pathKey([folder, ...parts].filter((s) => s !== '').join('/'));
}

/** Pages whose file name is the target as written (any case, extension or not). */
function byExactName<P extends IndexablePage>(index: PageIndex<P>, target: string): P[] | undefined {
  const name = pageStem(target);
  return name.includes('/') ? undefined : index.byName.get(pathKey(name));
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
  const fromFolder = from.path.slice(0, Math.max(from.path.lastIndexOf('/'), 0));
  const paths = ['', fromFolder.split('/')[0] ?? '', fromFolder];
  const order = key.includes('/') ? [0, 1, 2] : [2, 1, 0];
  for (const i of order) {
    const byPath = pathUnder(paths[i] ?? '', target);
    const page = (byPath === undefined ? undefined : index.byPath.get(byPath)) ?? (direct[i] ? index.byId.get(direct[i]) : undefined);
    if (page) return withHeading(page, heading);
  }
  if (!key.includes('/')) {
    const exact = byExactName(index, target)?.filter((p) => p.community === from.community);
    if (exact?.length === 1) return withHeading(exact[0]!, heading);
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
    const exact = byExactName(index, target);
    const anywhere = unique(exact?.length === 1 ? exact : index.byName.get(key), describe, `[[${target}]]`);
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

export interface MarkdownLinkOptions {
  /** The repository around the content folder; without it, root-relative links are read from the content folder only. */
  repository?: RepositoryContext;
  /** An image: a file outside the content folder is linked at the forge's raw bytes, not its file page. */
  image?: boolean;
}

/** The page a content path names: its file, `deploy.html` for `deploy.html.md` or `deploy.md` (page-rule.ts `pageStem`), or a folder's index page. */
function pageAtPath<P extends IndexablePage>(index: PageIndex<P>, key: string): P | undefined {
  // "" is the content folder itself: its README or index.
  if (!key) return folderIndex(index, '');
  return index.byPath.get(key) ?? (isPagePath(key) ? undefined : (index.byPath.get(pageStem(key)) ?? folderIndex(index, key)));
}

function onPage<P extends IndexablePage>(page: P, anchor: string | undefined): Resolution<P> {
  return { kind: 'page', page, ...(anchor ? { anchor: fragmentOn(page, anchor) } : {}) };
}

/** What a path inside the content folder names: a page, an asset, or a folder of pages (its index page, else its listing). */
function atContentPath<P extends IndexablePage>(index: PageIndex<P>, path: string, anchor: string | undefined): Resolution<P> | undefined {
  const key = pathKey(path);
  const page = pageAtPath(index, key);
  if (page) return onPage(page, anchor);
  const asset = index.assets.get(key);
  if (asset) return { kind: 'asset', assetId: asset, ...(anchor ? { anchor } : {}) };
  const folderId = isPagePath(key) ? undefined : index.folders.get(key.replace(/\/$/, ''));
  if (folderId === undefined) return undefined;
  // `runbooks.md` beside `runbooks/` owns the folder's URL; otherwise the listing does, and has no anchors to land on.
  const standing = index.byId.get(folderId);
  return standing ? onPage(standing, anchor) : { kind: 'folder', folderId };
}

/** A root-relative path read from the content folder, or undefined when it is no path inside it (`/\\host`, `/../x`). */
function siteRootPath(from: ContentPath, path: string): string | undefined {
  try {
    return resolveRelativePath(from, path);
  } catch (error) {
    if (error instanceof InvalidPathError) return undefined;
    throw error;
  }
}

/** Why a content path names nothing: an asset refused as unsafe, a page an ERB template would make, or no such file. */
function missingReason<P extends IndexablePage>(index: PageIndex<P>, path: string): string {
  const key = pathKey(path);
  const refused = index.refused.get(key);
  if (refused !== undefined) return `${path.slice(path.lastIndexOf('/') + 1)} is not published: ${refused}`;
  const template = index.templates.get(pageStem(key));
  if (template) return `it is made by the ERB template ${template}, which the wiki does not run`;
  return isPagePath(key) ? 'no such page file' : 'no such file in the content folder';
}

/**
 * Relative Markdown links and images: to a page file, an asset, or a folder of pages (its index page, else its
 * listing). As on GitHub, `/path` is from the repository root and `../` may leave the content folder: such
 * links reach pages inside it, and files outside it at the forge (repository-links.ts). A link that names no
 * file is then read as a URL of the site another generator built from the content folder (site-url.ts).
 */
export function resolveMarkdownLink<P extends IndexablePage>(index: PageIndex<P>, from: P, url: string, options: MarkdownLinkOptions = {}): Resolution<P> {
  const { repository } = options;
  if (!url || SCHEME.test(url) || url.startsWith('//') || url.startsWith('?')) return { kind: 'external' };
  const rootRelative = url.startsWith('/');
  const hashAt = url.indexOf('#');
  const pathPart = safeDecode((hashAt === -1 ? url : url.slice(0, hashAt)).split('?')[0] ?? '');
  const anchor = hashAt === -1 ? undefined : url.slice(hashAt + 1) || undefined;
  if (!pathPart) return anchor ? { kind: 'page', page: from, anchor: fragmentOn(from, anchor) } : { kind: 'external' };
  if (pathPart.includes('\0')) return { kind: 'broken', reason: 'the path has a NUL character' };
  const asSiteUrl = (): Resolution<P> | undefined => {
    const page = pageAtSiteUrl(index, from, pathPart);
    return page ? onPage(page, anchor) : undefined;
  };
  const inContent = rootRelative ? undefined : resolveRelativePath(from.path, pathPart);
  if (inContent !== undefined) return atContentPath(index, inContent, anchor) ?? asSiteUrl() ?? { kind: 'broken', reason: missingReason(index, inContent) };
  // Root-relative, or climbing out of the content folder: where GitHub would take it, in the repository.
  // Without git the wiki root stands in for the repository root (location.ts), so `/docs/x.md` still lands; `../` out of the content folder then leads nowhere.
  const inRepository = repository && (rootRelative || repository.files) ? resolveInRepository(repository, from.path, pathPart, { rootRelative, ...(anchor ? { anchor } : {}), ...(options.image ? { image: true } : {}) }) : undefined;
  if (inRepository?.kind === 'content') {
    const found = atContentPath(index, inRepository.path, anchor);
    if (found) return found;
  }
  // A static-site generator's root is the content folder: `/manual/x.html` is a page of it.
  const fromSiteRoot = rootRelative && inRepository?.kind !== 'broken' ? siteRootPath(from.path, pathPart) : undefined;
  const atSiteRoot = fromSiteRoot === undefined ? undefined : atContentPath(index, fromSiteRoot, anchor);
  if (atSiteRoot) return atSiteRoot;
  const atUrl = asSiteUrl();
  if (atUrl) return atUrl;
  if (inRepository?.kind === 'forge') return { kind: 'repository', url: inRepository.url };
  if (inRepository?.kind === 'broken') return inRepository;
  if (inRepository?.kind === 'content') return { kind: 'broken', reason: missingReason(index, inRepository.path) };
  // Without the repository (a caller that knows none) a root-relative link is left as written.
  if (rootRelative) return fromSiteRoot === undefined || !repository ? { kind: 'external' } : { kind: 'broken', reason: missingReason(index, fromSiteRoot) };
  return { kind: 'broken', reason: 'the link climbs above the content folder' };
}

function folderIndex<P extends IndexablePage>(index: PageIndex<P>, folderKey: string): P | undefined {
  const folder = folderKey.replace(/\/$/, '');
  for (const name of INDEX_NAMES) {
    const page = index.byPath.get(folder ? `${folder}/${name}` : name);
    if (page) return page;
  }
  return undefined;
}

