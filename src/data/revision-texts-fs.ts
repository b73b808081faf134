// Runs in Node at build time: reads page texts at past revisions (git blobs) for the history pages' diffs.
import fs from 'node:fs';
import git from 'isomorphic-git';
import { findRepository } from '../lib/history/repo-fs.ts';

/** Where the objects of the repository around `start` live (the main repository's git folder for a worktree). */
export const objectsDirFor = (start: string): string | undefined => findRepository(start)?.commondir;

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
