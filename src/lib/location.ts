// Runs anywhere: where the wiki is (its folders, its repository, the content folder's path in git) and what day it is, resolved once at the program's edge (location-fs.ts) and passed down.
import type { RepositoryLocation } from './history/repo-fs.ts';

/** Where a content folder sits in git. */
export interface ContentPlace {
  /** The content folder, its real path (symlinks resolved, so it agrees with the repository's root). */
  contentDir: string;
  /** The repository around the content folder, every path real; undefined outside any repository. */
  repository: RepositoryLocation | undefined;
  /** The content folder's path from the repository root as git spells it, "/"-separated ("" at the root). */
  contentInRepository: string;
}

/** Where the wiki's root sits: known even when its config cannot be read. */
export interface RootPlace {
  /** The folder of wiki.config.yml, its real path. */
  root: string;
  /** The repository around it (for a wiki, the one around its content folder); undefined outside any repository. */
  repository: RepositoryLocation | undefined;
  /** The wiki root's path from the repository root ("" at the root); outside any repository the wiki root stands in for it. */
  rootInRepository: string;
}

export interface WikiLocation extends ContentPlace, RootPlace {
  /** WIKI_HISTORY_CACHE, resolved; undefined: the history engine's default, in the repository's git folder. */
  historyCache: string | undefined;
  /** The run's date, YYYY-MM-DD (UTC); WIKI_TODAY pins it. */
  today: string;
}

/** A file named from the wiki root ("/"-separated, as problems name files) as named from the repository root, where forges look for it. */
export function fromRepositoryRoot(location: Pick<WikiLocation, 'rootInRepository'>, fileFromRoot: string): string {
  const parts: string[] = [];
  for (const part of [...location.rootInRepository.split('/'), ...fileFromRoot.split('/')]) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
