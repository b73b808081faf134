// Test helper: hand-made page histories, shaped as the history engine produces them.
import { toRepoPath } from '../../src/lib/content/paths.ts';
import { toCommitId } from '../../src/lib/history/commit-id.ts';
import type { Contributor, PageHistory, Person, Revision } from '../../src/lib/history/types.ts';
import type { PageRecord } from '../../src/lib/attribution/page-record.ts';

export const ada: Person = { name: 'Ada Lovelace', email: 'ada@example.org' };
export const grace: Person = { name: 'Grace Hopper', email: 'grace@example.org' };
export const linus: Person = { name: 'Linus Torvalds', email: 'linus@example.org' };
export const bot: Person = { name: 'renovate[bot]', email: 'bot@example.org' };

let counter = 0;
/** What a test may set on a revision: its ids as plain strings, checked by the brands' constructors. */
export type RevisionFields = Partial<Omit<Revision, 'commit' | 'path' | 'previousPath'>> & { commit?: string; path?: string; previousPath?: string };

/** A revision with defaults; `commit` defaults to a fresh 40-hex id. */
export function rev(author: Person, date: string, fields: RevisionFields = {}): Revision {
  counter++;
  const { commit, path, previousPath, ...extra } = fields;
  return {
    commit: toCommitId(commit ?? counter.toString(16).padStart(40, 'c')),
    date,
    author,
    coAuthors: [],
    message: `Change ${counter}`,
    path: toRepoPath(path ?? 'content/ops/page.md'),
    added: 1,
    removed: 0,
    merge: false,
    blob: `b${counter}`.padEnd(40, '0'),
    parentBlob: null,
    ...(author === bot ? { bot: true } : {}),
    ...(previousPath !== undefined ? { previousPath: toRepoPath(previousPath) } : {}),
    ...extra,
  };
}

/** A page history from revisions (newest first) and the commit of each line at HEAD; contributors derived from lines. */
export function history(revisions: Revision[], lineCommits: string[], path = 'content/ops/page.md'): PageHistory {
  const byCommit = new Map<string, Revision>(revisions.map((r) => [r.commit, r]));
  const contributors = new Map<string, Contributor>();
  for (const r of [...revisions].reverse()) {
    if (r.bot) continue;
    const c = contributors.get(r.author.email) ?? { ...r.author, commits: 0, coAuthored: 0, added: 0, removed: 0, lines: 0 };
    c.commits++;
    c.added += r.added;
    c.removed += r.removed;
    contributors.set(r.author.email, c);
    for (const co of r.coAuthors) {
      const cc = contributors.get(co.email) ?? { ...co, commits: 0, coAuthored: 0, added: 0, removed: 0, lines: 0 };
      cc.coAuthored++;
      contributors.set(co.email, cc);
    }
  }
  for (const commit of lineCommits) {
    const r = byCommit.get(commit);
    if (r && !r.bot) contributors.get(r.author.email)!.lines++;
  }
  return {
    path: toRepoPath(path),
    commits: revisions.length,
    created: revisions.at(-1)!,
    updated: revisions[0]!,
    contributors: [...contributors.values()].sort((a, b) => b.lines - a.lines || b.commits - a.commits),
    revisions,
    lineCommits: lineCommits.map(toCommitId),
  };
}

export const record = (id: string, h: PageHistory, community = id.split('/')[0]!, title = id): PageRecord => ({ id, community, title, history: h });
