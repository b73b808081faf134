// Test helper: builds real git repositories in temp folders with the git CLI (pinned dates, no signing) and reads git's own answers as the oracle.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFixture } from './build-site.ts';

export interface Author {
  name: string;
  email: string;
}

export const ada: Author = { name: 'Ada Lovelace', email: 'ada@example.org' };
export const grace: Author = { name: 'Grace Hopper', email: 'grace@example.org' };
export const linus: Author = { name: 'Linus Torvalds', email: 'linus@example.org' };

/** A git run isolated from the machine's config; dates are the caller's, so results are reproducible. */
export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.quotePath=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

export interface CommitOptions {
  author: Author;
  /** e.g. '2024-03-01T09:30:00+02:00'; the committer date is the same. */
  date: string;
  message: string;
  /** Files to write (string) or delete (null), relative to the repository root. */
  files?: Record<string, string | null>;
  /** Renames done with `git mv` before the files are written. */
  moves?: [from: string, to: string][];
  allowEmpty?: boolean;
}

export class TestRepo {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  static create(prefix = 'wiki-history-'): TestRepo {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    git(dir, ['init', '-q']);
    return new TestRepo(dir);
  }

  git(args: string[], env: Record<string, string> = {}): string {
    return git(this.dir, args, env);
  }

  commit(options: CommitOptions): string {
    for (const [from, to] of options.moves ?? []) {
      mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true });
      // Two steps, so case-only renames work on case-insensitive file systems too.
      this.git(['mv', from, `${from}.moving`]);
      this.git(['mv', `${from}.moving`, to]);
    }
    for (const [file, content] of Object.entries(options.files ?? {})) {
      const abs = path.join(this.dir, file);
      if (content === null) rmSync(abs);
      else {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, content);
      }
    }
    this.git(['add', '-A']);
    this.git(['commit', '-q', ...(options.allowEmpty ? ['--allow-empty'] : []), '-m', options.message], this.env(options.author, options.date));
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  /** Merges `branch` into the current branch; on conflict, `resolve` gives the files' final text. */
  merge(branch: string, options: { author: Author; date: string; message?: string; resolve?: Record<string, string> }): string {
    const env = this.env(options.author, options.date);
    const message = options.message ?? `Merge ${branch}`;
    try {
      this.git(['merge', '-q', '--no-ff', '-m', message, branch], env);
    } catch (error) {
      if (!options.resolve) throw error;
      for (const [file, content] of Object.entries(options.resolve)) writeFileSync(path.join(this.dir, file), content);
      this.git(['add', '-A']);
      this.git(['commit', '-q', '--no-edit', '-m', message], env);
    }
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  env(author: Author, date: string): Record<string, string> {
    return {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      // The committer is a forge, as in squash merges: the engine must credit the author.
      GIT_COMMITTER_NAME: 'Forge',
      GIT_COMMITTER_EMAIL: 'noreply@forge.example',
      GIT_COMMITTER_DATE: date,
    };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface OracleRevision {
  commit: string;
  date: string;
  name: string;
  email: string;
  subject: string;
  path: string;
  added: number;
  removed: number;
}

/** `git log --follow --numstat` for one file: what git says its revisions are. */
export function gitLogFollow(dir: string, file: string, extra: string[] = []): OracleRevision[] {
  const out = git(dir, ['log', '--follow', '-M50%', ...extra, '--numstat', '--format=%x1e%H%x1f%aI%x1f%aN%x1f%aE%x1f%s', '--', file]);
  const revisions: OracleRevision[] = [];
  for (const record of out.split('\x1e').slice(1)) {
    const [header, ...rest] = record.split('\n');
    const [commit, date, name, email, subject] = header!.split('\x1f') as [string, string, string, string, string];
    const stat = rest.find((l) => /^\d+\t\d+\t/.test(l));
    const [added, removed, statPath] = stat ? stat.split('\t') : ['0', '0', file];
    // Renames print as "old => new" or "dir/{old => new}"; the new side is the path at that commit.
    const pathAt = (statPath ?? file).replace(/\{[^{}]* => ([^{}]*)\}/, '$1').replace(/^.* => /, '').replace(/\/\//g, '/');
    revisions.push({ commit, date, name, email, subject, path: pathAt, added: Number(added), removed: Number(removed) });
  }
  return revisions;
}

/** `git blame --line-porcelain` (with `extra`, such as `-C`): for each line of the file at HEAD, the commit git credits. */
export function gitBlame(dir: string, file: string, extra: string[] = []): { commit: string; email: string }[] {
  const out = git(dir, ['blame', ...extra, '--line-porcelain', 'HEAD', '--', file]);
  const lines: { commit: string; email: string }[] = [];
  let current = { commit: '', email: '' };
  for (const line of out.split('\n')) {
    const head = /^([0-9a-f]{40}) \d+ \d+/.exec(line);
    if (head) current = { commit: head[1]!, email: '' };
    else if (line.startsWith('author-mail ')) current.email = line.slice(13, -1);
    else if (line.startsWith('\t')) lines.push(current);
  }
  return lines;
}

/** Lines per author email in `git blame`, as the contributors' `lines` should say. */
export function blameLinesByEmail(dir: string, file: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { email } of gitBlame(dir, file)) counts[email.toLowerCase()] = (counts[email.toLowerCase()] ?? 0) + 1;
  return counts;
}

/** Makes `dir` a real repository whose `.git` is a file pointing elsewhere, as in worktrees and submodules; returns the git folder. */
export function initWithGitFile(dir: string): string {
  const gitdir = mkdtempSync(path.join(tmpdir(), 'wiki-gitdir-'));
  git(dir, ['init', '-q', `--separate-git-dir=${gitdir}`]);
  return gitdir;
}

/** Fixture files written into a real repository whose .git is a file, as in a worktree: commands report paths from its root. */
export function writeFixtureInRepository(files: Record<string, string>): string {
  const root = writeFixture(files);
  initWithGitFile(root);
  return root;
}

/**
 * What `git show --cc` says a merge wrote in one file: the lines added against every parent (`++`)
 * and the lines removed against every parent (`--`). A hunk of lines each from some parent is not counted.
 */
export function mergeOwnLines(dir: string, merge: string, file: string): { added: string[]; removed: string[] } {
  const parents = git(dir, ['rev-list', '--parents', '-n', '1', merge]).trim().split(' ').length - 1;
  const out = git(dir, ['show', '--cc', '--format=', merge, '--', file]);
  const added: string[] = [];
  const removed: string[] = [];
  let inHunk = false;
  for (const line of out.split('\n')) {
    if (line.startsWith('@'.repeat(parents + 1) + ' ')) inHunk = true;
    else if (!inHunk) continue;
    else if (line.startsWith('+'.repeat(parents))) added.push(line.slice(parents));
    else if (line.startsWith('-'.repeat(parents))) removed.push(line.slice(parents));
  }
  return { added, removed };
}

/**
 * The commits git counts as revisions of `file` (newest first, by date): `git log --follow`'s other
 * than merges, plus each merge whose `--cc` diff has a line of its own (the path is the same at HEAD).
 */
export function gitRevisions(dir: string, file: string): string[] {
  const followed = new Set(gitLogFollow(dir, file).map((r) => r.commit));
  const merges = new Set(git(dir, ['rev-list', '--merges', 'HEAD']).split('\n').filter(Boolean));
  return git(dir, ['rev-list', 'HEAD'])
    .split('\n')
    .filter(Boolean)
    .filter((oid) => {
      if (!merges.has(oid)) return followed.has(oid);
      const own = mergeOwnLines(dir, oid, file);
      return own.added.length + own.removed.length > 0;
    });
}
