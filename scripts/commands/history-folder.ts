// Runs in Node: the folder `wiki history` and `wiki verify` read, from their --repo and --content flags.
import path from 'node:path';
import { realOrResolved } from '../../src/lib/location-fs.ts';
import type { WikiLocation } from '../../src/lib/location.ts';

const inside = (dir: string, folder: string) => !path.relative(dir, folder).startsWith('..');

/**
 * The content folder to read, or undefined for the wiki's own: --content; else, with only --repo, the
 * configured content folder when it lies in that repository, else the whole repository.
 */
export function historyFolderOf(args: { repo?: string | undefined; content?: string | undefined }, location: Pick<WikiLocation, 'contentDir'>): string | undefined {
  if (args.content) return path.resolve(args.content);
  return args.repo && !inside(realOrResolved(args.repo), location.contentDir) ? path.resolve(args.repo) : undefined;
}
