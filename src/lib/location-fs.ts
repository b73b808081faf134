// Runs in Node at the program's edge: the one place that turns the working folder, the environment and the clock into the wiki's location.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from './config/load-fs.ts';
import type { WikiConfig } from './config/schema.ts';
import { isoDate } from './content/schemas.ts';
import { findRepository, type RepositoryLocation } from './history/repo-fs.ts';
import type { ContentPlace, RootPlace, WikiLocation } from './location.ts';
import { RepositoryError } from './history/errors.ts';
import { problem, WikiContentError, type Problem } from './problems.ts';

/** What the edge reads from the process: given, so nothing below it does. */
export interface LocationInputs {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  now: Date;
}

export interface LocatedWiki {
  config: WikiConfig;
  location: WikiLocation;
}

/** The wiki's config and location; or the problems that keep them from being known, with what is known without them. */
export type LocationResult = (LocatedWiki & { problems?: undefined }) | (RootPlace & { problems: Problem[] });

/** The real path of `file`, or its resolved path when it does not exist (yet). */
export const realOrResolved = (file: string): string => {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
};
const isDirectory = (dir: string) => statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
const gitPath = (from: string, to: string) => path.relative(from, to).split(path.sep).join('/');
const isOutside = (relative: string) => relative === '..' || relative.startsWith('../') || path.isAbsolute(relative);

/** The repository around an existing folder, every path real; undefined outside any repository or when the folder is missing. */
function repositoryAround(dir: string): RepositoryLocation | undefined {
  return isDirectory(dir) ? (findRepository(dir) ?? undefined) : undefined;
}

/**
 * Where a content folder sits in git: the repository around it (or `repoDir`'s) and its path from that
 * repository's root, both from real paths, so a checkout reached through a symlink names files as git does.
 * Outside any repository `standIn` (the wiki root) plays the repository root.
 */
export function locateContent(contentDir: string, repoDir?: string, standIn: string = contentDir): ContentPlace {
  const dir = path.resolve(contentDir);
  const onDisk = isDirectory(dir);
  // Without a checkout (a bare-ish benchmark repository) the folder may be absent; then --repo says where to look.
  if (!onDisk && !repoDir) throw new RepositoryError('NoContentFolder', dir, `the content folder ${dir} does not exist`);
  const repository = repoDir ? repositoryAt(repoDir) : repositoryAround(dir);
  const real = onDisk ? realpathSync(dir) : dir;
  if (!repository) return { contentDir: real, repository: undefined, contentInRepository: gitPath(realOrResolved(standIn), real) };
  const contentInRepository = onDisk ? gitPath(repository.workdir, real) : gitPath(path.resolve(repoDir!), dir);
  if (isOutside(contentInRepository)) throw new RepositoryError('OutsideRepository', dir, `the content folder ${dir} is outside the repository ${repository.workdir}`);
  return { contentDir: real, repository, contentInRepository };
}

function repositoryAt(dir: string): RepositoryLocation {
  const repo = findRepository(path.resolve(dir));
  if (!repo) throw new RepositoryError('NoRepository', path.resolve(dir), `${path.resolve(dir)} is not inside a git repository`);
  return repo;
}

const rootPlace = (root: string, repository: RepositoryLocation | undefined): RootPlace => ({
  root,
  repository,
  rootInRepository: repository ? gitPath(repository.workdir, root) : '',
});

/**
 * The folder whose wiki.config.yml applies: WIKI_ROOT; else, when WIKI_CONTENT names a folder of someone's
 * Markdown, the root of the repository around it (or that folder outside any repository), so their build never
 * takes this project's own sample config; else the working folder.
 */
function wikiRootOf(cwd: string, env: LocationInputs['env']): string {
  if (env.WIKI_ROOT !== undefined || !env.WIKI_CONTENT) return realOrResolved(path.resolve(cwd, env.WIKI_ROOT ?? '.'));
  const content = realOrResolved(path.resolve(cwd, env.WIKI_CONTENT));
  return repositoryAround(content)?.workdir ?? content;
}

/**
 * The wiki's location from the process's inputs: WIKI_ROOT (the folder of wiki.config.yml, default the working
 * folder, or the repository around WIKI_CONTENT when only that is set), WIKI_CONTENT (overrides `content`), WIKI_HISTORY_CACHE, WIKI_TODAY (default: `now`'s UTC date).
 */
export function resolveWikiLocation({ cwd, env, now }: LocationInputs): LocationResult {
  const root = wikiRootOf(cwd, env);
  const problems: Problem[] = [];
  const today = env.WIKI_TODAY ?? now.toISOString().slice(0, 10);
  if (!isoDate.safeParse(today).success) problems.push(problem('WIKI_TODAY', `must be a date written YYYY-MM-DD (got "${today}")`));
  let loaded;
  try {
    const content = env.WIKI_ROOT === undefined && env.WIKI_CONTENT ? path.resolve(cwd, env.WIKI_CONTENT) : env.WIKI_CONTENT;
    loaded = loadConfig(root, content ? { content } : {});
  } catch (error) {
    if (!(error instanceof WikiContentError)) throw error;
    problems.push(...error.problems);
  }
  if (!loaded || problems.length > 0) return { problems, ...rootPlace(root, repositoryAround(root)) };
  // A missing content folder is the model's to report (loadWiki), with the rest of the wiki's problems.
  const place: ContentPlace = isDirectory(loaded.contentDir)
    ? locateContent(loaded.contentDir, undefined, root)
    : { contentDir: loaded.contentDir, repository: repositoryAround(root), contentInRepository: '' };
  const location: WikiLocation = {
    ...place,
    ...rootPlace(root, place.repository),
    historyCache: env.WIKI_HISTORY_CACHE ? path.resolve(cwd, env.WIKI_HISTORY_CACHE) : undefined,
    today,
  };
  return { config: loaded.config, location };
}

/** The location, or a WikiContentError with its problems, for edges that report problems by throwing. */
export function locatedOrThrow(result: LocationResult): LocatedWiki {
  if (result.problems) throw new WikiContentError(result.problems);
  return result;
}
