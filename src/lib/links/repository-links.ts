// Runs anywhere: links that GitHub resolves from the repository, not the content folder: root-relative paths and paths that climb out of the content folder.
import { folderUrl, rawUrl, sourceUrl } from '../forge/links.ts';
import type { ForgeRepository } from '../forge/forges.ts';
import { pathKey } from './page-index.ts';

export type RepositoryEntryKind = 'file' | 'folder';

/** What the edge (repository-files-fs.ts) found in the repository's working tree outside the content folder. */
export interface RepositoryFiles {
  /** Entries by pathKey of their path from the repository root: the path as spelled on disk, and whether a folder. */
  entries: ReadonlyMap<string, { path: string; kind: RepositoryEntryKind }>;
  /** True when the listing stopped at its cap, so a path not found may still exist. */
  truncated: boolean;
  /** How many entries the cap allows, for the message. */
  cap: number;
}

/** What a link needs to know about the repository around the content folder. */
export interface RepositoryContext {
  /** The content folder's path from the repository root ("" at the root), as the location says (location.ts). */
  contentInRepository: string;
  /** Undefined when the content folder is in no git repository: then nothing outside it can be linked. */
  files: RepositoryFiles | undefined;
  /** The forge from config `repository`; undefined when none is set (or its forge is unknown). */
  forge: ForgeRepository | undefined;
}

export type RepositoryTarget =
  | { kind: 'content'; path: string }
  | { kind: 'forge'; url: string }
  | { kind: 'broken'; reason: string };

const segmentsOf = (path: string) => path.split('/').filter((s) => s !== '' && s !== '.');

/**
 * `target` ("/"-separated, decoded) joined onto `from` (a folder path from the repository root) and
 * normalised; undefined when it climbs above the repository root, so nothing outside it is ever named.
 */
export function placeInRepository(from: string, target: string): string | undefined {
  const parts: string[] = [];
  for (const part of [...segmentsOf(from), ...segmentsOf(target)]) {
    if (part !== '..') parts.push(part);
    else if (parts.length === 0) return undefined;
    else parts.pop();
  }
  return parts.join('/').normalize('NFC');
}

/** The path inside the content folder of a repository path, or undefined when it lies outside. */
function contentPathOf(contentInRepository: string, place: string): string | undefined {
  const content = segmentsOf(contentInRepository).join('/').normalize('NFC');
  if (content === '') return place;
  if (pathKey(place) === pathKey(content)) return '';
  const prefix = pathKey(`${content}/`);
  return pathKey(place).startsWith(prefix) ? place.slice(prefix.length) : undefined;
}

function withFragment(url: string, anchor: string | undefined): string {
  return anchor ? `${url}#${encodeURIComponent(anchor)}` : url;
}

/** A file or folder of the repository outside the content folder: its forge URL, or why it cannot be linked. */
function outsideContent(context: RepositoryContext, place: string, anchor: string | undefined, image: boolean): RepositoryTarget {
  const { files, forge } = context;
  if (!files) return { kind: 'broken', reason: 'the link leads outside the content folder, and the wiki is not in a git repository' };
  const entry = files.entries.get(pathKey(place));
  if (!entry) {
    const limit = files.truncated ? ` (only the first ${files.cap} files outside the content folder are looked at)` : '';
    return { kind: 'broken', reason: `no such file in the repository${limit}` };
  }
  if (!forge) return { kind: 'broken', reason: `"${entry.path}" is outside the content folder: set repository in wiki.config.yml to link to it on the forge` };
  if (entry.kind === 'folder') return { kind: 'forge', url: withFragment(folderUrl(forge, entry.path), anchor) };
  return { kind: 'forge', url: withFragment(image ? rawUrl(forge, entry.path) : sourceUrl(forge, entry.path), anchor) };
}

/**
 * Where a link GitHub reads from the repository leads: `target` is a decoded path, from the repository
 * root when `rootRelative`, else from the folder of `fromContentPath` (a page's path in the content folder).
 * Inside the content folder it is a content path for the page index; outside, a forge URL or a reason.
 */
export function resolveInRepository(
  context: RepositoryContext,
  fromContentPath: string,
  target: string,
  options: { rootRelative: boolean; anchor?: string; image?: boolean },
): RepositoryTarget {
  const fromFolder = options.rootRelative ? '' : [context.contentInRepository, fromContentPath.slice(0, Math.max(0, fromContentPath.lastIndexOf('/')))].join('/');
  const place = placeInRepository(fromFolder, target);
  if (place === undefined) return { kind: 'broken', reason: 'the link climbs above the repository root' };
  const inside = contentPathOf(context.contentInRepository, place);
  if (inside !== undefined) return { kind: 'content', path: inside };
  return outsideContent(context, place, options.anchor, options.image ?? false);
}
