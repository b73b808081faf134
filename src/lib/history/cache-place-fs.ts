// Runs in Node: where the history cache lives (the repository's git folder, which git never tracks and a clone never carries), and refusing a folder git tracks.
import fs, { realpathSync } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import type { RepositoryLocation } from './repo-fs.ts';

/** `cop-wiki-cache` in the git folder (a worktree's own one, so worktrees keep apart); WIKI_HISTORY_CACHE, read at the edge, moves it. */
export function defaultCacheDir(repo: RepositoryLocation): string {
  return path.join(repo.gitdir, 'cop-wiki-cache');
}

/** The folder's real path, through its nearest existing ancestor when it is not made yet. */
function realPath(dir: string): string {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync(at), ...missing.reverse());
    } catch {
      if (path.dirname(at) === at) return path.resolve(dir);
      missing.push(path.basename(at));
    }
  }
}

const within = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Why a cache folder must not be used: it lies in the working tree and git tracks files in it, so a pull
 * request could have put them there. Read from the index with isomorphic-git: the build never runs git.
 */
export async function trackedCacheRefusal(repo: RepositoryLocation, cacheDir: string): Promise<string | null> {
  const workdir = realPath(repo.workdir);
  const gitdir = realPath(repo.gitdir);
  // The folder itself may be a tracked symlink: look at where it points and at where it stands.
  const places = [realPath(cacheDir), path.join(realPath(path.dirname(path.resolve(cacheDir))), path.basename(cacheDir))];
  const inTree = [...new Set(places)].filter((dir) => within(workdir, dir) && !within(gitdir, dir)).map((dir) => path.relative(workdir, dir).split(path.sep).join('/'));
  if (inTree.length === 0) return null;
  let tracked: string[];
  try {
    tracked = await git.listFiles({ fs, dir: repo.workdir, gitdir: repo.gitdir });
  } catch {
    return null; // No index yet: nothing is tracked.
  }
  const hit = tracked.find((f) => inTree.some((rel) => rel === '' || f === rel || f.startsWith(`${rel}/`)));
  if (!hit) return null;
  return `the history cache folder ${cacheDir} holds ${hit}, which git tracks (a file from a commit, maybe a pull request's, is not a cache): the cache is not used and the history is read from git`;
}
