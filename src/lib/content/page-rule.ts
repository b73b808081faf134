// Runs anywhere: the one rule for which files are pages, what name a page has, which names stand for their folder, which files are templates and which entries are never content.
// Discovery, ids and titles, the pages loader, link resolution, the published-files list, the sanitizer and the history engine's tree diff all read it from here.
import picomatch from 'picomatch';

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

/** Folders that are never content, at any depth, whatever the config says (config `exclude` adds to them). */
export const DEFAULT_EXCLUDED_FOLDERS: readonly string[] = ['node_modules', 'vendor'];

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

/**
 * Dot-files and dot-folders (.git, .github, .obsidian, .env) are never content. A page file named only
 * of dots ("..md", "...md") is no dot-file but a page whose name is punctuation, as GitHub shows it.
 */
export const isHiddenName = (name: string): boolean => name.startsWith('.') && !isDotsPage(name);

function isDotsPage(name: string): boolean {
  const ext = pageExtensionOf(name);
  return ext !== undefined && /^\.+$/.test(name.slice(0, -ext.length));
}

/** Whether a path (file name or "/"-separated path) has a page extension. */
export const isPagePath = (path: string): boolean => pageExtensionOf(path) !== undefined;

/** Whether one file, by its name alone, is a page: a page extension and not hidden. */
export const isPageFile = (name: string): boolean => !isHiddenName(name) && isPagePath(name);

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

/** Why an entry is not content: a hidden name, or a folder matching an exclusion glob (named). */
export type SkipReason = { kind: 'hidden' } | { kind: 'excluded'; glob: string };

/**
 * Which entries of the content folder are never content: hidden ones, and folders matching the default
 * exclusions or a config `exclude` glob. Globs are matched against the folder's path from the content
 * folder ("/"-separated, NFC); a glob without "/" matches a folder of that name at any depth, as in
 * .gitignore ("vendor", "_site"); one with "/" matches from the content folder ("docs/_site", "/build").
 */
export interface ContentRule {
  /** The globs as matched, defaults first; for messages and cache keys. */
  readonly globs: readonly string[];
  /** Why a file or folder (its path from the content folder) is skipped with everything in it, or undefined. */
  skipReason(path: string, isFolder: boolean): SkipReason | undefined;
  /** Whether a file or folder path is skipped: hidden, or inside (or itself) a skipped folder. */
  skipsPath(path: string, isFolder?: boolean): boolean;
  /** Glob patterns (for Astro's glob loader) matching every .mdx page in any case, outside the skipped folders. */
  readonly mdxGlobPatterns: readonly string[];
}

/** As .gitignore reads a folder pattern: "/vendor" or "docs/_site" from the content folder, "vendor" at any depth. */
const anchored = (glob: string) => {
  const trimmed = glob.replace(/\/+$/, '');
  if (trimmed.startsWith('/')) return trimmed.slice(1);
  if (trimmed.startsWith('./')) return trimmed.slice(2);
  return trimmed.includes('/') ? trimmed : `**/${trimmed}`;
};

export function contentRule(exclude: readonly string[] = []): ContentRule {
  const globs = [...new Set([...DEFAULT_EXCLUDED_FOLDERS, ...exclude].map((g) => g.normalize('NFC')))];
  const matchers = globs.map((glob) => ({ glob, matches: picomatch(anchored(glob), { dot: true }) }));
  const skipReason = (path: string, isFolder: boolean): SkipReason | undefined => {
    if (isHiddenName(path.slice(path.lastIndexOf('/') + 1))) return { kind: 'hidden' };
    if (!isFolder) return undefined;
    const nfc = path.normalize('NFC');
    const hit = matchers.find((m) => m.matches(nfc));
    return hit ? { kind: 'excluded', glob: hit.glob } : undefined;
  };
  return {
    globs,
    skipReason,
    skipsPath(path, isFolder = false) {
      const parts = path.split('/');
      return parts.some((_, i) => skipReason(parts.slice(0, i + 1).join('/'), isFolder || i < parts.length - 1) !== undefined);
    },
    mdxGlobPatterns: [`**/*.${anyCase('mdx')}`, ...globs.map((g) => `!${anchored(g)}/**`)],
  };
}
