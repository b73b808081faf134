// Runs anywhere: the one rule for which files are pages, what name a page has, which names stand for their folder, which files are templates and which entries are never content.
// Discovery, ids and titles, the pages loader, link resolution, the published-files list, the sanitizer and the history engine's tree diff all read it from here.

/** Page file extensions, lower case; a file's extension is compared case-insensitively (UPPER.MD is a page). */
const PAGE_EXTENSIONS = ['.md', '.mdx'] as const;
export type PageFormat = 'md' | 'mdx';

/**
 * Extensions a static-site generator writes a page out to, kept in the source name before the Markdown one:
 * Middleman's and Jekyll's `deploy.html.md` is the Markdown page "deploy" (URL `deploy/`), and links to
 * `deploy.html` name it. Compared case-insensitively.
 */
const TARGET_EXTENSIONS = ['.html', '.htm'] as const;

/**
 * Template extensions: ERB (`deploy.html.md.erb`, `layout.html.erb`) is Ruby code that Middleman or Rails runs to
 * make a page. The wiki runs no code from content, so a template is never a page and never published.
 */
const TEMPLATE_EXTENSIONS = ['.erb'] as const;

/** Why a template file is not published, listed once per file. */
export const TEMPLATE_REASON = 'an ERB template (.erb) is Ruby code that Middleman or Rails runs to make a page; the wiki runs no code from content, so it is not a page: write it as .md';

/** File names (without extension, any case) that stand for their folder: README.md, index.mdx, index.html.md. */
export const INDEX_NAMES = ['readme', 'index'] as const;

/** Folders that are never content, at any depth. */
const EXCLUDED_FOLDERS = ['node_modules'] as const;

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function pageExtensionOf(path: string): string | undefined {
  const lower = lastSegment(path).toLowerCase();
  return PAGE_EXTENSIONS.find((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** A name without its trailing target extension: "deploy.html" → "deploy"; other names as they are. */
function withoutTargetExtension(name: string): string {
  const lower = name.toLowerCase();
  const target = TARGET_EXTENSIONS.find((ext) => lower.endsWith(ext) && lower.length > ext.length);
  return target ? name.slice(0, -target.length) : name;
}

/**
 * What a page file or a link to one names, without its page extension and then without a target extension:
 * "ops/Deploy.html.md" → "ops/Deploy", "ops/deploy.html" → "ops/deploy", "notes.md" → "notes". Pages' ids,
 * fallback titles and link look-ups all read it.
 */
export function pageStem(path: string): string {
  const ext = pageExtensionOf(path);
  const bare = ext ? path.slice(0, -ext.length) : path;
  const cut = bare.lastIndexOf('/') + 1;
  return bare.slice(0, cut) + withoutTargetExtension(bare.slice(cut));
}

/** Whether a file, by its name, is a template the wiki never runs (.erb, any case). */
export const isTemplateFile = (path: string): boolean => {
  const lower = lastSegment(path).toLowerCase();
  return TEMPLATE_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
};

/** What page a template would have made: "manual/apps.html.md.erb" → "manual/apps"; undefined for a file that is not a template. */
export const templatePageStem = (path: string): string | undefined => (isTemplateFile(path) ? pageStem(path.slice(0, path.lastIndexOf('.'))) : undefined);

/** Dot-files and dot-folders (.git, .github, .obsidian, .env) are never content. */
export const isHiddenName = (name: string): boolean => name.startsWith('.');

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

/** Whether a name (with or without a page or target extension, any case) is an index name: "README", "index.MD", "index.html.md". */
export function isIndexName(name: string): boolean {
  return (INDEX_NAMES as readonly string[]).includes(pageStem(name).toLowerCase());
}

/** Whether a path names an index page file: README.md, ops/Index.MDX. */
export const isIndexPage = (path: string): boolean => isPagePath(path) && isIndexName(lastSegment(path));

/** A glob character class for each letter in both cases: "mdx" → "[mM][dD][xX]". */
const anyCase = (text: string) => [...text].map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join('');

/** Glob patterns (for Astro's glob loader) matching every .mdx page in any case, outside the excluded folders. */
export const MDX_GLOB_PATTERNS: readonly string[] = [`**/*.${anyCase('mdx')}`, ...EXCLUDED_FOLDERS.map((folder) => `!**/${folder}/**`)];
