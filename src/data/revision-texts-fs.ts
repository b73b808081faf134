// Runs in Node at build time: reads page texts at past revisions (git blobs) for the history pages' diffs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';

/**
 * The git directory holding the objects of the repository around `start`: the nearest `.git` folder, or for a
 * worktree (a `.git` file saying `gitdir: …`) the main repository's, named by the worktree's `commondir`.
 */
export function findGitDir(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    if (existsSync(dotGit)) {
      if (statSync(dotGit).isDirectory()) return dotGit;
      const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
      if (!pointer) return undefined;
      const gitdir = path.resolve(dir, pointer);
      const common = path.join(gitdir, 'commondir');
      return existsSync(common) ? path.resolve(gitdir, readFileSync(common, 'utf8').trim()) : gitdir;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export interface BlobReader {
  /** The blob's text; undefined when it cannot be read (shallow clone, pruned object). */
  text(oid: string): Promise<string | undefined>;
}

const decoder = new TextDecoder('utf-8');

export function blobReader(gitdir: string | undefined): BlobReader {
  const cache = {};
  const texts = new Map<string, Promise<string | undefined>>();
  return {
    text(oid) {
      if (!gitdir) return Promise.resolve(undefined);
      let found = texts.get(oid);
      if (!found) {
        found = git.readBlob({ fs, gitdir, oid, cache }).then(({ blob }) => decoder.decode(blob), () => undefined);
        texts.set(oid, found);
      }
      return found;
    },
  };
}
