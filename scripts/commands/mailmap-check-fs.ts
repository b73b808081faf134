// Runs in Node: reads .mailmap from the working tree and from a base commit (isomorphic-git, no git CLI) for `wiki check`'s review of credit changes.
import fs, { readFileSync } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import type { Finding } from '../../src/lib/contributing/check-report.ts';
import { mailmapChangeFindings } from '../../src/lib/contributing/mailmap-review.ts';
import { resolveHead, type RepositoryLocation } from '../../src/lib/history/repo-fs.ts';
import type { RootPlace } from '../../src/lib/location.ts';

/** The commit `rev` names: HEAD, a full or abbreviated OID, or a branch, remote branch or tag. */
async function commitOf(repo: RepositoryLocation, rev: string): Promise<string | null> {
  if (rev === 'HEAD') return resolveHead(repo);
  if (/^[0-9a-f]{40}$/i.test(rev)) return rev.toLowerCase();
  try {
    return await git.resolveRef({ fs, gitdir: repo.commondir, ref: rev });
  } catch {
    // Not a ref: maybe an abbreviated OID.
  }
  if (!/^[0-9a-f]{4,39}$/i.test(rev)) return null;
  try {
    return await git.expandOid({ fs, gitdir: repo.commondir, oid: rev.toLowerCase() });
  } catch {
    return null;
  }
}

async function mailmapAt(repo: RepositoryLocation, commit: string): Promise<string> {
  try {
    const { blob } = await git.readBlob({ fs, gitdir: repo.commondir, oid: commit, filepath: '.mailmap' });
    return Buffer.from(blob).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return '';
    throw error;
  }
}

/**
 * Warnings for .mailmap lines that the working tree adds against `base` (default HEAD; in a pull request's
 * check, the branch it merges into). Outside a repository, or before the first commit, there is nothing to compare.
 */
export async function mailmapFindings({ root: wikiRoot, repository: repo }: RootPlace, base: string | undefined): Promise<Finding[]> {
  if (!repo) return [];
  const absolute = path.join(repo.workdir, '.mailmap');
  const file = path.relative(wikiRoot, absolute).split(path.sep).join('/');
  const rev = base ?? 'HEAD';
  const commit = await commitOf(repo, rev);
  if (!commit) {
    if (base === undefined) return [];
    return [{ file, severity: 'error', message: `--base ${base} is not a commit of this repository, so .mailmap changes could not be reviewed (fetch it, or check out with fetch-depth: 0)` }];
  }
  let current = '';
  try {
    current = readFileSync(absolute, 'utf8');
  } catch {
    return [];
  }
  let before: string;
  try {
    before = await mailmapAt(repo, commit);
  } catch (error) {
    return [{ file, severity: 'error', message: `.mailmap at ${rev} could not be read: ${error instanceof Error ? error.message : String(error)}` }];
  }
  return mailmapChangeFindings(before, current, file, rev);
}
