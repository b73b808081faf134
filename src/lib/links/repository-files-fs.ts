// Runs in Node at the program's edge: lists what exists in the repository's working tree outside the content folder, so links to it can go to the forge.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathKey } from './page-index.ts';
import type { RepositoryContext, RepositoryEntryKind, RepositoryFiles } from './repository-links.ts';
import type { WikiConfig } from '../config/schema.ts';
import { forgeRepository } from '../forge/forges.ts';
import type { WikiLocation } from '../location.ts';

/** Enough for the repositories wikis live in; a link past the cap is reported, never guessed. */
export const REPOSITORY_FILES_CAP = 100_000;

/** Never listed: git's own folder and installed packages (which no one links and which can hold millions of files). */
const SKIPPED = new Set(['.git', 'node_modules']);

/**
 * Every file and folder under `workdir` (the repository root, a real path) except the content folder
 * `contentDir`, from the directory entries alone: entries are lstat'ed, so a symlink is listed as a
 * file and never followed out of the repository. A nested repository (a folder with its own `.git`)
 * is listed but not entered: its files are not this repository's.
 */
export function listRepositoryFiles(workdir: string, contentDir: string, cap = REPOSITORY_FILES_CAP): RepositoryFiles {
  const entries = new Map<string, { path: string; kind: RepositoryEntryKind }>();
  let truncated = false;
  const pending: { dir: string; prefix: string }[] = [{ dir: workdir, prefix: '' }];
  while (pending.length > 0 && !truncated) {
    const { dir, prefix } = pending.pop()!;
    let names;
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    if (prefix !== '' && names.some((e) => e.name === '.git')) continue;
    for (const entry of names) {
      if (SKIPPED.has(entry.name)) continue;
      const abs = path.join(dir, entry.name);
      if (abs === contentDir) continue;
      if (entries.size >= cap) {
        truncated = true;
        break;
      }
      const repoPath = (prefix + entry.name).normalize('NFC');
      const kind = entry.isDirectory() ? 'folder' : 'file';
      entries.set(pathKey(repoPath), { path: repoPath, kind });
      if (kind === 'folder') pending.push({ dir: abs, prefix: `${repoPath}/` });
    }
  }
  return { entries, truncated, cap };
}

/** What links need to know of the repository around the wiki's content folder, from the location the edge resolved. */
export function repositoryContext(
  location: Pick<WikiLocation, 'contentDir' | 'contentInRepository' | 'repository'>,
  repository: WikiConfig['repository'],
): RepositoryContext {
  const { repository: repo, contentDir, contentInRepository } = location;
  const files = !repo ? undefined : contentInRepository === '' ? { entries: new Map(), truncated: false, cap: REPOSITORY_FILES_CAP } : listRepositoryFiles(repo.workdir, contentDir);
  return { contentInRepository, files, forge: repository ? forgeRepository(repository) : undefined };
}
