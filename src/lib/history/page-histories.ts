// Runs anywhere: turns the walk's raw state into per-page histories, applying .mailmap and keeping bots out of contributor lists.
import { toRepoPath } from '../content/paths.ts';
import type { IdentityResolver } from './identities.ts';
import type { CommitId, Contributor, PageHistory, Person, Revision } from './types.ts';
import { settleOrigins } from './move-marks.ts';
import { isGrave, rootId, type CommitInfo, type RawRevision, type WalkState } from './walk-state.ts';

export interface Identities {
  resolve: IdentityResolver;
  isBot: (person: Person) => boolean;
}

interface Credit {
  author: Person;
  coAuthors: Person[];
  bot: boolean;
}

interface LineAuthor {
  author: Person;
  bot: boolean;
  lines: number;
}

/** The co-authors of each revision without any: one list shared by them all (readers only read it). */
const NO_ONE: Person[] = [];

export function buildPageHistories(state: WalkState, identities: Identities): Record<string, PageHistory> {
  // Per commit index; one identity per raw name and email, so each person is one object throughout.
  const people: (Credit | undefined)[] = new Array(state.commits.length);
  // By name, then email: no key string is built per commit.
  const identity = new Map<string, Map<string, { person: Person; bot: boolean }>>();
  const resolve = (name: string, email: string) => {
    let byEmail = identity.get(name);
    if (!byEmail) identity.set(name, (byEmail = new Map()));
    let found = byEmail.get(email);
    if (!found) {
      const person = identities.resolve(name, email);
      found = { person, bot: identities.isBot({ name, email }) || identities.isBot(person) };
      byEmail.set(email, found);
    }
    return found;
  };
  const credit = (index: number): Credit => {
    let known = people[index];
    if (!known) {
      const c = state.commits[index]!;
      const { person, bot } = resolve(c.name, c.email);
      known = { author: person, coAuthors: c.coAuthors.length === 0 ? NO_ONE : c.coAuthors.map((p) => resolve(p.name, p.email).person), bot };
      people[index] = known;
    }
    return known;
  };
  const toRevision = (raw: RawRevision): Revision => {
    const c = state.commits[raw.commitIndex]!;
    const { author, coAuthors, bot } = credit(raw.commitIndex);
    const revision: Revision = {
      commit: c.oid,
      date: c.date,
      author,
      coAuthors,
      message: c.subject,
      path: raw.path,
      added: raw.added,
      removed: raw.removed,
      merge: raw.merge,
      blob: raw.blob,
      parentBlob: raw.parentBlob,
    };
    if (raw.previousPath !== undefined) revision.previousPath = raw.previousPath;
    if (raw.copiedFrom !== undefined) revision.copiedFrom = raw.copiedFrom;
    if (raw.deleted) revision.deleted = true;
    if (bot) revision.bot = true;
    return revision;
  };

  const pages: Record<string, PageHistory> = {};
  // Lines per commit index, counted in one array shared by all pages (reset after each): no map per page.
  const linesOf = new Int32Array(state.commits.length);
  const seen: number[] = [];
  const tally = new Tally();
  for (const path of [...state.pages.keys()].filter((key) => !isGrave(key)).sort()) {
    const page = state.pages.get(path)!;
    const raws = newestFirst(state.histories.get(rootId(state, page.historyId)) ?? [], state.commits);
    if (raws.length === 0) continue;
    const revisions = raws.map(toRevision);
    // blame -C decides a move on the lines that still sit together at HEAD.
    const origins = settleOrigins(page.origins, page.marks, page.rematched);
    const lineCommits = new Array<CommitId>(origins.length);
    for (let k = 0; k < origins.length; k++) {
      const i = origins[k]!;
      lineCommits[k] = state.commits[i]!.oid;
      // First occurrences in line order, as the contributors' ties are broken by who was met first.
      const before = linesOf[i]!;
      linesOf[i] = before + 1;
      if (before === 0) seen.push(i);
    }
    const lineAuthors: LineAuthor[] = new Array(seen.length);
    for (let s = 0; s < seen.length; s++) {
      const i = seen[s]!;
      const { author, bot } = credit(i);
      lineAuthors[s] = { author, bot, lines: linesOf[i]! };
      linesOf[i] = 0;
    }
    seen.length = 0;
    pages[path] = {
      // The newest revision's path is the page's path at HEAD, already checked; any other is checked here.
      path: revisions[0]!.path === path ? revisions[0]!.path : toRepoPath(path),
      commits: revisions.length,
      created: revisions[revisions.length - 1]!,
      updated: revisions[0]!,
      contributors: contributorsOf(tally, revisions, lineAuthors, identities.isBot),
      revisions,
      lineCommits,
    };
  }
  return pages;
}

/**
 * Newest first as `git log` lists them: by committer time, then walk order. Lists are appended in walk
 * order, which is already that unless a merge joined histories or brought branch commits older than
 * ones an earlier (cached) walk met.
 */
function newestFirst(list: RawRevision[], commits: readonly CommitInfo[]): RawRevision[] {
  const later = (a: RawRevision, b: RawRevision) => commits[b.commitIndex]!.time - commits[a.commitIndex]!.time || b.commitIndex - a.commitIndex;
  let ordered = true;
  for (let k = 1; k < list.length && ordered; k++) ordered = later(list[k]!, list[k - 1]!) < 0;
  const copy = list.slice();
  return ordered ? copy.reverse() : copy.sort(later);
}

const byRank = (a: Contributor, b: Contributor) => b.lines - a.lines || b.commits - a.commits || b.coAuthored - a.coAuthored || a.name.localeCompare(b.name);

/** Tallies one page's contributors at a time in slots numbered by email once for all pages: no map per page. */
class Tally {
  private readonly numbers = new Map<string, number>();
  private readonly slots: (Contributor | undefined)[] = [];
  private readonly used: number[] = [];

  entry(p: Person): Contributor {
    let n = this.numbers.get(p.email);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(p.email, n);
    }
    let c = this.slots[n];
    if (!c) {
      c = { name: p.name, email: p.email, commits: 0, coAuthored: 0, added: 0, removed: 0, lines: 0 };
      this.slots[n] = c;
      this.used.push(n);
    }
    return c;
  }

  /** The page's contributors in the order they were met, and the slots emptied for the next page. */
  take(): Contributor[] {
    const out = new Array<Contributor>(this.used.length);
    for (let k = 0; k < this.used.length; k++) {
      out[k] = this.slots[this.used[k]!]!;
      this.slots[this.used[k]!] = undefined;
    }
    this.used.length = 0;
    return out;
  }
}

function contributorsOf(tally: Tally, revisions: Revision[], lineAuthors: LineAuthor[], isBot: (p: Person) => boolean): Contributor[] {
  // Oldest first, so the newest spelling of a person's name is the one kept.
  for (let k = revisions.length - 1; k >= 0; k--) {
    const r = revisions[k]!;
    if (!r.bot) {
      const c = tally.entry(r.author);
      c.name = r.author.name;
      c.commits++;
      c.added += r.added;
      c.removed += r.removed;
    }
    for (const co of r.coAuthors) {
      if (co.email === r.author.email || isBot(co)) continue;
      tally.entry(co).coAuthored++;
    }
  }
  for (const { author, bot, lines } of lineAuthors) if (!bot) tally.entry(author).lines += lines;
  return tally.take().sort(byRank);
}
