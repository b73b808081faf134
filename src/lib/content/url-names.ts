// Runs anywhere: the URL name of every folder and file of the content, with names that GitHub's slugs would merge told apart.
// Discovery's page ids, the pages loader, asset URLs and communities all take their names from here, so they never disagree.
import { isIndexPage, pageStem } from './page-rule.ts';
import { extensionOf, RESERVED_SLUGS, stripExtension, type ContentPath } from './paths.ts';
import { nameTag, segmentSlug, spelledSlug } from './slugs.ts';

/** What the names are read from: every file the content holds, as discovery found them. */
export interface NamedContent {
  pages: readonly { path: ContentPath }[];
  assets: readonly { path: ContentPath }[];
  /** Folders with a community.yml: a community even without pages, so its folder takes its name too. */
  communityFiles?: readonly { folder: string }[];
}

export interface UrlNames {
  /** The default community's slug: the configured one, or the first free "<slug>-1", "<slug>-2"… when a top-level folder takes it. */
  readonly defaultCommunity: string;
  /** The slugs of a folder path's segments, from the content root down. */
  folderSlugs(folders: readonly string[]): string[];
  /** The slug of a page's file name (without its extension) in a folder. */
  pageSlug(folders: readonly string[], stem: string): string;
  /** The slug of an asset's file name (extension kept, lower-cased) in a folder. */
  assetSlug(folders: readonly string[], fileName: string): string;
}

/** One folder's names, in three spaces that never share a URL: sub-folders, page stems, asset file names. */
interface FolderNames {
  folders: Set<string>;
  pages: Set<string>;
  assets: Set<string>;
}

/** A name's two candidate slugs: the plain one (GitHub's, or spelled out when that is empty) and the spelled-out one, made only for names that need it. */
interface Candidates {
  plain: (name: string) => string;
  spelled: (name: string) => string;
}

const pageCandidates: Candidates = { plain: segmentSlug, spelled: spelledSlug };

const withExtension = (slugOf: (stem: string) => string) => (fileName: string) => slugOf(stripExtension(fileName)) + extensionOf(fileName);
const assetCandidates: Candidates = { plain: withExtension(segmentSlug), spelled: withExtension(spelledSlug) };

const countsOf = (slugs: Iterable<string>) => {
  const counts = new Map<string, number>();
  for (const s of slugs) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
};

/**
 * Slugs for sibling names, independent of their order. A name keeps its plain slug unless a sibling's
 * slug is the same; then each of them is spelled out ("clang++" → "clang-plus-plus", while "clang" keeps
 * "clang"). Names still alike after that take a tag of their name ("-3d4wxo"), except the one that already
 * is its slug, and names that differ only in case, which keep the shared slug so the collision is reported.
 */
function siblingSlugs(names: Iterable<string>, candidates: Candidates): Map<string, string> {
  const all = [...new Set(names)];
  const slugs = new Map(all.map((name) => [name, candidates.plain(name)]));
  const plainCounts = countsOf(slugs.values());
  if (plainCounts.size === all.length) return slugs;
  for (const name of all) {
    if ((plainCounts.get(slugs.get(name)!) ?? 0) > 1) slugs.set(name, candidates.spelled(name));
  }
  const byCaseFold = countsOf(all.map((name) => name.toLowerCase()));
  const spelledCounts = countsOf(slugs.values());
  for (const name of all) {
    const slug = slugs.get(name)!;
    if ((spelledCounts.get(slug) ?? 0) < 2 || slug === name.normalize('NFC') || (byCaseFold.get(name.toLowerCase()) ?? 0) > 1) continue;
    slugs.set(name, `${slug}-${nameTag(name)}`);
  }
  return slugs;
}

/** The first free slug for the default community: the configured one unless a top-level folder has it. */
function freeSlug(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let k = 1; ; k++) {
    const candidate = `${wanted}-${k}`;
    if (!taken.has(candidate) && !RESERVED_SLUGS.has(candidate)) return candidate;
  }
}

export function urlNamesFor(content: NamedContent, defaultCommunity: string): UrlNames {
  const folders = new Map<string, FolderNames>();
  const folderOf = (key: string): FolderNames => {
    let found = folders.get(key);
    if (!found) {
      found = { folders: new Set(), pages: new Set(), assets: new Set() };
      folders.set(key, found);
    }
    return found;
  };
  const addFolders = (parts: readonly string[]) => {
    for (let i = 0; i < parts.length; i++) folderOf(parts.slice(0, i).join('/')).folders.add(parts[i]!);
    return folderOf(parts.join('/'));
  };
  for (const { path } of content.pages) {
    const parts = path.split('/');
    const file = parts.pop()!;
    const folder = addFolders(parts);
    if (!isIndexPage(path)) folder.pages.add(pageStem(file));
  }
  for (const { path } of content.assets) {
    const parts = path.split('/');
    const file = parts.pop()!;
    addFolders(parts).assets.add(file);
  }
  for (const { folder } of content.communityFiles ?? []) if (folder) addFolders([folder.normalize('NFC')]);

  const solved = new Map<string, { folders: Map<string, string>; pages: Map<string, string>; assets: Map<string, string> }>();
  const namesIn = (key: string) => {
    let found = solved.get(key);
    if (!found) {
      const names = folders.get(key) ?? { folders: new Set<string>(), pages: new Set<string>(), assets: new Set<string>() };
      found = { folders: siblingSlugs(names.folders, pageCandidates), pages: siblingSlugs(names.pages, pageCandidates), assets: siblingSlugs(names.assets, assetCandidates) };
      solved.set(key, found);
    }
    return found;
  };
  const folderSlugs = (parts: readonly string[]) =>
    parts.map((name, i) => namesIn(parts.slice(0, i).join('/')).folders.get(name) ?? segmentSlug(name));
  const topLevel = new Set(namesIn('').folders.values());
  return {
    defaultCommunity: freeSlug(defaultCommunity, topLevel),
    folderSlugs,
    pageSlug: (parts, stem) => namesIn(parts.join('/')).pages.get(stem) ?? pageCandidates.plain(stem),
    assetSlug: (parts, fileName) => namesIn(parts.join('/')).assets.get(fileName) ?? assetCandidates.plain(fileName),
  };
}

const namesByInput = new WeakMap<object, UrlNames>();

/** The names of one content input, made once however many readers ask (pages, assets, communities). */
export function urlNamesOf(input: NamedContent & { defaultCommunity: { slug: string } }): UrlNames {
  let names = namesByInput.get(input);
  if (!names) {
    names = urlNamesFor(input, input.defaultCommunity.slug);
    namesByInput.set(input, names);
  }
  return names;
}

/** One line for the build log when the content root's pages moved off the configured slug; undefined when they did not (or there are none). */
export function defaultCommunityNote(communities: readonly { slug: string; folder: string }[], configured: string): string | undefined {
  const root = communities.find((c) => c.folder === '');
  if (!root || root.slug === configured) return undefined;
  const holder = communities.find((c) => c.slug === configured);
  const by = holder ? `the folder ${holder.folder}/ has /${configured}/` : `a folder has /${configured}/`;
  return `the pages at the content root are the community /${root.slug}/, since ${by} (set defaultCommunity.slug in wiki.config.yml to choose another)`;
}
