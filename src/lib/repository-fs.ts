// Runs in Node: finds the git repository that holds the wiki, so paths can be given relative to its root.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findRepository } from './history/repo-fs.ts';

/** The working tree's root around `start` (worktrees' and submodules' `.git` files included), undefined outside any repository. */
export function findRepositoryRoot(start: string): string | undefined {
  return existsSync(start) ? findRepository(start)?.workdir : undefined;
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
