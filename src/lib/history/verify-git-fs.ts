// Runs in Node, for `wiki verify` only (never the site build): asks native git what a page's history and blame are.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { GitBlameLine, GitCommitFact, GitPageFacts } from './verify.ts';

const run = promisify(execFile);

/** Argument arrays, never a shell; the repository's own config and .mailmap apply, as they would for its people. */
async function git(repoDir: string, args: string[]): Promise<string> {
  // Porcelain and --format output is not translated, and no pager runs without a terminal: the inherited environment does.
  const { stdout } = await run('git', ['--no-pager', '-C', repoDir, '-c', 'core.quotePath=false', ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  return stdout;
}

// NUL cannot occur in a commit's header fields, so it separates them safely; each record starts on its own line.
const FIELDS = '%H%x00%P%x00%ct%x00%aI%x00%aN%x00%aE%x00%an%x00%ae';
const FORMAT = `--format=%x00%x00${FIELDS}`;

/**
 * The commits `git log --follow` lists, plus the merges whose combined diff (`--cc`) has a line of their own in
 * the page (plain `--follow` lists no merge at all). Newest first by committer
 * date, as git orders them. Diffs are asked of merges only, on the page's own paths, so no other file's blob is
 * read (`--follow --cc` would read every file a merge changed, and fails in a mirror without its largest blobs).
 */
export async function gitPageLog(repoDir: string, rev: string, file: string): Promise<GitCommitFact[]> {
  const followed = records(await git(repoDir, ['log', '--follow', '--name-only', '-z', `--format=%x01${FIELDS}`, rev, '--', file]));
  const paths = [...new Set([file, ...followed.flatMap((r) => r.names)])];
  const candidates = records(await git(repoDir, ['log', '--merges', '-z', `--format=%x01${FIELDS}`, rev, '--', ...paths]));
  const merges: Commit[] = [];
  for (const m of candidates) {
    for (const p of paths) {
      if (await mergeWroteLines(repoDir, m.fact.commit, p)) {
        merges.push(m);
        break;
      }
    }
  }
  return [...followed, ...merges].sort((a, b) => b.time - a.time).map((r) => r.fact);
}

interface Commit {
  fact: GitCommitFact;
  time: number;
  names: string[];
}

const COMMIT_START = /^\x01[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** With -z every field and path ends in NUL: the header fields, then any paths (the first after a newline). */
function records(out: string): Commit[] {
  const tokens = out.split('\0');
  const found: Commit[] = [];
  let k = 0;
  while (k < tokens.length) {
    if (!COMMIT_START.test(tokens[k]!)) {
      k++;
      continue;
    }
    const [commit, , time, date, name, email, rawName, rawEmail] = tokens.slice(k, k + 8) as [string, string, string, string, string, string, string, string];
    k += 8;
    const names: string[] = [];
    while (k < tokens.length && !COMMIT_START.test(tokens[k]!)) {
      if (tokens[k] !== '') names.push(tokens[k]!.replace(/^\n/, ''));
      k++;
    }
    found.push({ fact: { commit: commit.slice(1), date, name, email, rawName, rawEmail }, time: Number(time), names });
  }
  return found;
}

/** `git diff-tree --cc`: does the merge's result hold lines that come from none of its parents? */
async function mergeWroteLines(repoDir: string, merge: string, file: string): Promise<boolean> {
  return combinedDiffHasOwnLine(await git(repoDir, ['diff-tree', '--cc', '-p', merge, '--', file]));
}

/**
 * In a combined diff of a merge with N parents, a line of the merge's own has N marks all `+` (added against every
 * parent) or all `-` (removed from every parent). A hunk alone is not enough: `--cc` prints one wherever the sides
 * changed lines near each other, though each of its lines came from one side. The `---`/`+++` file headers come
 * before a hunk; N is read from the hunk header, which opens with N + 1 `@`.
 */
export function combinedDiffHasOwnLine(diff: string): boolean {
  let marks = 0;
  for (const line of diff.split('\n')) {
    const header = /^(@{3,}) /.exec(line);
    if (header) marks = header[1]!.length - 1;
    else if (marks === 0) continue;
    else if (!/^[ +\\-]/.test(line)) marks = 0; // the next file's `diff --cc` header (a `\ No newline` line stays in the hunk)
    else if (line.startsWith('+'.repeat(marks)) || line.startsWith('-'.repeat(marks))) return true;
  }
  return false;
}

/** `git blame --line-porcelain -C` (plain blame with `copies` false): for each line of the file at `rev`, the commit and (mailmapped) author git credits. */
export async function gitPageBlame(repoDir: string, rev: string, file: string, copies = true): Promise<GitBlameLine[]> {
  const out = await git(repoDir, ['blame', '--line-porcelain', ...(copies ? ['-C'] : []), rev, '--', file]);
  const lines: GitBlameLine[] = [];
  let current: GitBlameLine = { commit: '', name: '', email: '' };
  for (const line of out.split('\n')) {
    const head = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) \d+ \d+/.exec(line);
    if (head) current = { commit: head[1]!, name: '', email: '' };
    else if (line.startsWith('author ')) current.name = line.slice(7);
    else if (line.startsWith('author-mail ')) current.email = line.slice(12).replace(/^<|>$/g, '');
    else if (line.startsWith('\t')) lines.push({ ...current });
  }
  return lines;
}

/** With `movedText` false, git's side is plain `git blame` (no credit for text moved or copied from other files). */
export async function gitPageFacts(repoDir: string, rev: string, file: string, movedText = true): Promise<GitPageFacts> {
  const log = await gitPageLog(repoDir, rev, file);
  if (!movedText) return { log, blame: await gitPageBlame(repoDir, rev, file, false), copies: false };
  try {
    return { log, blame: await gitPageBlame(repoDir, rev, file), copies: true };
  } catch (error) {
    // -C reads the other files a commit changed; in a mirror without its largest blobs that can fail.
    return { log, blame: await gitPageBlame(repoDir, rev, file, false), copies: false, blameWithoutCopies: gitFailure(error) };
  }
}

/** git's own complaint (its last line on stderr), not the command line. */
export function gitFailure(error: unknown): string {
  const stderr = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
  const line = stderr.split('\n').filter((l) => l.trim() !== '').at(-1);
  return line ?? (error instanceof Error ? error.message.split('\n')[0]! : String(error));
}

/** Authors of commits (after .mailmap and as committed), in one `git show -s` for the lot. */
export async function gitAuthors(repoDir: string, commits: readonly string[]): Promise<Map<string, GitCommitFact>> {
  const found = new Map<string, GitCommitFact>();
  for (let k = 0; k < commits.length; k += 500) {
    const out = await git(repoDir, ['show', '-s', '--no-walk=unsorted', FORMAT, ...commits.slice(k, k + 500)]);
    for (const record of out.split(/^\0\0/m).slice(1)) {
      const [commit, , , date, name, email, rawName, rawEmail] = record.replace(/\n$/, '').split('\0') as [string, string, string, string, string, string, string, string];
      found.set(commit, { commit, date, name, email, rawName, rawEmail });
    }
  }
  return found;
}
