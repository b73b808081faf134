// Runs in Node: finds the git repository that holds the wiki, so paths can be given relative to its root.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `start` holding `.git`, a folder or (in a worktree or submodule) a file. */
export function findRepositoryRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Where `target` sits in the repository, "/"-separated ("" at the root). Outside any repository the
 * wiki's root (the folder of wiki.config.yml) stands in for it, as it usually is the repository's root.
 */
export function repositoryPathOf(target: string, wikiRoot: string): { root: string; path: string } {
  const root = findRepositoryRoot(target) ?? path.resolve(wikiRoot);
  const relative = path.relative(root, path.resolve(target)).split(path.sep).join('/');
  return { root, path: relative.normalize('NFC') };
}
