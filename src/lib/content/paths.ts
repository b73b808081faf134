// Runs anywhere: branded path types and the one mapping from content files to URLs.
// Content paths, page ids and hrefs are all strings; the brands keep them from being mixed up.
import { BrandError } from '../brand-error.ts';
import { isIndexPage, pageStem } from './page-rule.ts';
import { slugSegment } from './slugs.ts';
import type { UrlNames } from './url-names.ts';

/** A file's path relative to the content folder, "/"-separated, NFC-normalised. */
export type ContentPath = string & { readonly __brand: 'ContentPath' };
/** A page's slugged id, e.g. "platform-engineering/postgres/index-tuning"; also its URL path without base. */
export type PageId = string & { readonly __brand: 'PageId' };
/** A URL path inside the site, base included, e.g. "/wiki/platform-engineering/". */
export type SiteHref = string & { readonly __brand: 'SiteHref' };
/**
 * A file's path relative to the repository's root, "/"-separated, exactly as git's trees spell it (not
 * normalised: git compares bytes, and macOS may have committed NFD). Not a ContentPath: the content
 * folder may lie deeper in the repository.
 */
export type RepoPath = string & { readonly __brand: 'RepoPath' };

/** A string given as a branded path that is not one. */
export class InvalidPathError extends BrandError {
  constructor(kind: string, value: string, why: string) {
    super('InvalidPath', kind, value, why);
  }
}

/** Why `path` is not a relative "/"-separated path of real names, or null when it is. */
function relativePathFault(path: string): string | null {
  if (path.includes('\0')) return 'it contains a NUL byte';
  if (path.startsWith('/')) return 'it starts with "/"';
  for (const segment of path.split('/')) {
    if (segment === '') return 'it has an empty segment';
    if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
  }
  return null;
}

/** Route names the site itself uses; a community may not take them. */
export const RESERVED_SLUGS = new Set(['tags', 'people', 'search', 'recent', 'pagefind', '_astro', 'feeds', '404']);

/** The content path of a file named relative to the content folder ("" is the folder itself); throws InvalidPathError for a path that climbs out of it or is absolute. */
export function toContentPath(raw: string): ContentPath {
  const path = raw.replaceAll('\\', '/').replace(/^\.\//, '').normalize('NFC');
  const fault = path === '' ? null : relativePathFault(path);
  if (fault) throw new InvalidPathError('a path inside the content folder', raw, fault);
  return path as ContentPath;
}

/** A path from the repository's root, checked and kept as given; throws InvalidPathError otherwise. */
export function toRepoPath(raw: string): RepoPath {
  const fault = raw === '' ? 'it is empty' : relativePathFault(raw);
  if (fault) throw new InvalidPathError('a path from the repository root', raw, fault);
  return raw as RepoPath;
}

/** A page id as `pageIdFor` makes it: "/"-joined segments, each already its own slug. */
export function toPageId(raw: string): PageId {
  const segments = raw.split('/');
  const bad = segments.find((segment) => segment === '' || slugSegment(segment) !== segment);
  if (bad !== undefined) throw new InvalidPathError('a page id', raw, bad === '' ? 'it has an empty segment' : `"${bad}" is not a slug`);
  return raw as PageId;
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The folders of a content path and its file name. */
export function splitContentPath(path: ContentPath): { folders: string[]; file: string } {
  const parts = path.split('/');
  const file = parts.pop() ?? '';
  return { folders: parts, file };
}

/**
 * A page's id: its community folder and sub-folders slugged, then its file name without its page and target
 * extensions (page-rule.ts `pageStem`: "deploy.html.md" → "deploy").
 * README/index files stand for their folder. Files at the content root belong to the default community.
 */
export function pageIdFor(path: ContentPath, names: UrlNames): string {
  const { folders, file } = splitContentPath(path);
  const slugs = folders.length === 0 ? [names.defaultCommunity] : names.folderSlugs(folders);
  if (!isIndexPage(path)) slugs.push(names.pageSlug(folders, pageStem(file)));
  return slugs.join('/');
}

/** An asset's URL path: folders slugged like pages, the file name slugged with its extension kept. */
export function assetIdFor(path: ContentPath, names: UrlNames): string {
  const { folders, file } = splitContentPath(path);
  return [...(folders.length === 0 ? [names.defaultCommunity] : names.folderSlugs(folders)), names.assetSlug(folders, file)].join('/');
}

export function communityFolderOf(path: ContentPath): string | undefined {
  const slash = path.indexOf('/');
  return slash === -1 ? undefined : path.slice(0, slash);
}

export function normalizeBase(base: string): string {
  const withLead = base.startsWith('/') ? base : '/' + base;
  return withLead.endsWith('/') ? withLead : withLead + '/';
}

export function pageHref(base: string, id: string): SiteHref {
  return (normalizeBase(base) + (id ? id + '/' : '')) as SiteHref;
}

export function assetHref(base: string, assetId: string): SiteHref {
  return (normalizeBase(base) + assetId) as SiteHref;
}

/** Joins a relative link onto the folder of `from`; undefined when it climbs above the content root. */
export function resolveRelativePath(from: ContentPath, relative: string): ContentPath | undefined {
  const { folders } = splitContentPath(from);
  const parts = relative.startsWith('/') ? [] : [...folders];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return toContentPath(parts.join('/'));
}
