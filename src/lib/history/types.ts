// Runs anywhere: the shapes the history engine produces and the site, the `wiki history` and `wiki stats` commands consume.
import type { RepoPath } from '../content/paths.ts';
import type { CommitId } from './commit-id.ts';

export type { CommitId, RepoPath };

/** An identity after .mailmap; `email` is lower-cased, so it is the key that compares people. */
export interface Person {
  name: string;
  email: string;
  /** The person's other emails, joined in by name or forge login (`join-identities.ts`); absent when none. */
  joined?: string[];
}

/** One commit's change to one page. */
export interface Revision {
  commit: CommitId;
  /** Author date, ISO 8601 with the author's offset (as `git log --date=iso-strict`). */
  date: string;
  author: Person;
  coAuthors: Person[];
  /** The commit's subject line. */
  message: string;
  /** The page's path at this commit, relative to the repository root. */
  path: RepoPath;
  added: number;
  removed: number;
  merge: boolean;
  /** The page's blob after this revision. */
  blob: string;
  /** The page's blob before it (null when the revision created the page). */
  parentBlob: string | null;
  /** Set when this revision renamed or moved the page: its path before. */
  previousPath?: RepoPath;
  /** Set when this revision created the page as a copy of another file, which `git log --follow` continues: that file's path (its earlier revisions are listed before this one). */
  copiedFrom?: RepoPath;
  /** True when this revision deleted the page at this path: it was created there again later, and `git log --follow` follows the path name across the gap. `blob` is then the empty blob. */
  deleted?: boolean;
  /** True when the author is a bot (kept in revisions, kept out of contributors). */
  bot?: boolean;
}

export interface Contributor extends Person {
  commits: number;
  coAuthored: number;
  added: number;
  removed: number;
  /** Lines of the page at HEAD whose last change was a commit this person authored. */
  lines: number;
}

export interface PageHistory {
  /** Path at HEAD, relative to the repository root. */
  path: RepoPath;
  commits: number;
  created: Revision;
  updated: Revision;
  /** Ranked by surviving lines, then commits; bots excluded. */
  contributors: Contributor[];
  /** Newest first. */
  revisions: Revision[];
  /**
   * For each line of the page at HEAD (0-based), the commit that last changed it, as `git blame`
   * would say; look the commit up in `revisions`.
   */
  lineCommits: CommitId[];
}

export interface RepositoryHistory {
  /** HEAD's commit, null without a repository or commits. */
  head: CommitId | null;
  shallow: boolean;
  /** Keyed by the page's path at HEAD, relative to the repository root. */
  pages: Record<string, PageHistory>;
  /** One line each, for the build log: no repository, shallow clone, … */
  warnings: string[];
  /** The content folder's path relative to the repository root ('' for the root itself). */
  contentPrefix?: string;
  /** What the run cost; tests and the benchmark read it. */
  stats?: HistoryStats;
}

export interface HistoryStats {
  /** Commits reachable from HEAD. */
  commits: number;
  /** Commits this run walked (0 when the cache was already at HEAD). */
  processed: number;
  mode: 'none' | 'cold' | 'incremental' | 'cached';
  /** Why a cached walk could not be continued (history rewritten, …). */
  restartReason?: string;
  objectReads: number;
  ms: number;
  /** Milliseconds per phase: reading the cache, walking, writing the cache, building pages. */
  phases?: { load: number; walk: number; save: number; build: number };
}
