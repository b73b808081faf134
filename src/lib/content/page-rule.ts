// Runs anywhere: the one rule for which files are pages, which names stand for their folder and which entries are never content.
// Discovery, the pages loader, link resolution, the sanitizer and the history engine's tree diff all read it from here.

/** Page file extensions, lower case; a file's extension is compared case-insensitively (UPPER.MD is a page). */
const PAGE_EXTENSIONS = ['.md', '.mdx'] as const;
export type PageFormat = 'md' | 'mdx';

/** File names (without extension, any case) that stand for their folder: README.md, index.mdx. */
export const INDEX_NAMES = ['readme', 'index'] as const;

/** Folders that are never content, at any depth. */
const EXCLUDED_FOLDERS = ['node_modules'] as const;

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function pageExtensionOf(path: string): string | undefined {
  const lower = lastSegment(path).toLowerCase();
  return PAGE_EXTENSIONS.find((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/**
 * Dot-files and dot-folders (.git, .github, .obsidian, .env) are never content. A page file named only
 * of dots ("..md", "...md") is no dot-file but a page whose name is punctuation, as GitHub shows it.
 */
export const isHiddenName = (name: string): boolean => name.startsWith('.') && !isDotsPage(name);

function isDotsPage(name: string): boolean {
  const ext = pageExtensionOf(name);
  return ext !== undefined && /^\.+$/.test(name.slice(0, -ext.length));
}

export const isExcludedFolder = (name: string): boolean => (EXCLUDED_FOLDERS as readonly string[]).includes(name);

/** Whether one entry of a folder listing is skipped outright: hidden, or an excluded folder. */
export const isSkippedEntry = (name: string, isFolder: boolean): boolean => isHiddenName(name) || (isFolder && isExcludedFolder(name));

/** Whether a path (file name or "/"-separated path) has a page extension. */
export const isPagePath = (path: string): boolean => pageExtensionOf(path) !== undefined;

/** Whether one file, by its name alone, is a page: a page extension and not hidden. */
export const isPageFile = (name: string): boolean => !isHiddenName(name) && isPagePath(name);

/** Whether a "/"-separated path lies in a hidden or excluded folder, or names a hidden file. */
export function isInSkippedPlace(path: string): boolean {
  const parts = path.split('/');
  return parts.some((part, i) => isSkippedEntry(part, i < parts.length - 1));
}

/** A page's format by its extension, or undefined when the path is not a page. */
export function pageFormatOf(path: string | undefined): PageFormat | undefined {
  const ext = path === undefined ? undefined : pageExtensionOf(path);
  return ext === undefined ? undefined : ext === '.mdx' ? 'mdx' : 'md';
}

export const isMdxPath = (path: string | undefined): boolean => pageFormatOf(path) === 'mdx';

/** Whether a name (with or without a page extension, any case) is an index name: "README", "index.MD". */
export function isIndexName(name: string): boolean {
  const ext = pageExtensionOf(name);
  const stem = (ext ? name.slice(0, -ext.length) : name).toLowerCase();
  return (INDEX_NAMES as readonly string[]).includes(stem);
}

/** Whether a path names an index page file: README.md, ops/Index.MDX. */
export const isIndexPage = (path: string): boolean => isPagePath(path) && isIndexName(lastSegment(path));

/** A glob character class for each letter in both cases: "mdx" → "[mM][dD][xX]". */
const anyCase = (text: string) => [...text].map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join('');

/** Glob patterns (for Astro's glob loader) matching every .mdx page in any case, outside the excluded folders. */
export const MDX_GLOB_PATTERNS: readonly string[] = [`**/*.${anyCase('mdx')}`, ...EXCLUDED_FOLDERS.map((folder) => `!**/${folder}/**`)];
