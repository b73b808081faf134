import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { blobReader } from '../../src/integration/revision-texts-fs.ts';
import { findRepository } from '../../src/lib/history/repo-fs.ts';

/** Where the objects of the repository around `start` live, as the edge resolves them (the main repository's git folder for a worktree). */
const objectsDirFor = (start: string): string | undefined => findRepository(start)?.commondir ?? undefined;

const root = mkdtempSync(path.join(tmpdir(), 'wiki-blobs-'));
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: root, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' },
  }).trim();

describe('reading page texts at past revisions', () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const repo = path.join(root, 'repo');
  mkdirSync(path.join(repo, 'content/ops'), { recursive: true });
  git(repo, 'init', '-q');
  writeFileSync(path.join(repo, 'content/ops/page.md'), '# Page\n\nFirst text.\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'first');
  const oid = git(repo, 'rev-parse', 'HEAD:content/ops/page.md');

  it('finds the git directory above the content folder and reads a blob', async () => {
    const gitdir = objectsDirFor(path.join(repo, 'content/ops'));
    expect(gitdir).toBe(path.join(repo, '.git'));
    await expect(blobReader(gitdir).text(oid)).resolves.toBe('# Page\n\nFirst text.\n');
    await expect(blobReader(gitdir).text('0'.repeat(40))).resolves.toBeUndefined();
  });

  it('closes its object store at the end of a build and opens it again when asked for more', async () => {
    const real = blobReader(objectsDirFor(repo));
    await expect(real.text(oid)).resolves.toBe('# Page\n\nFirst text.\n');
    real.close();
    await expect(real.text(oid)).resolves.toBe('# Page\n\nFirst text.\n');
    real.close();
  });

  it('follows a worktree\'s .git file to the repository holding the objects', async () => {
    const worktree = path.join(root, 'worktree');
    git(repo, 'worktree', 'add', '-q', '--detach', worktree);
    const gitdir = objectsDirFor(path.join(worktree, 'content'));
    expect(gitdir).toBe(path.join(repo, '.git'));
    await expect(blobReader(gitdir).text(oid)).resolves.toBe('# Page\n\nFirst text.\n');
  });

  it('reads nothing outside a repository', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'wiki-no-git-'));
    try {
      expect(objectsDirFor(outside)).toBeUndefined();
      await expect(blobReader(undefined).text(oid)).resolves.toBeUndefined();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
