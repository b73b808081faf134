// Runs anywhere: "ask these people": whose knowledge a page or a community holds, weighting recent and substantial work.
import type { Person, Revision } from '../history/types.ts';
import { daysSince, timeOf } from './dates.ts';
import type { PageRecord } from './page-record.ts';

export interface AskOptions {
  /** Days after which a contribution counts half (default 365). */
  halfLifeDays?: number;
  /** How many people to return (default 3). */
  limit?: number;
  /** Days without a contribution after which a person may have moved on (`attribution.inactiveDays`); absent: nobody is. */
  inactiveDays?: number;
  /** Each person's newest contribution anywhere in the wiki, by email; the pages considered are used where absent. */
  lastContribution?: ReadonlyMap<string, string>;
}

export interface AskCandidate extends Person {
  score: number;
  /** Surviving lines they authored in the pages considered. */
  lines: number;
  /** The newest of their revisions there. */
  last: string;
  /** Their newest contribution anywhere (what "may have moved on" is judged by). */
  lastAnywhere: string;
  /** False when they have contributed nowhere in `inactiveDays`: shown "last contributed <date>; may have moved on". */
  active: boolean;
}

/**
 * "Comparable knowledge": an inactive person is listed above an active one only when their score is more than this
 * many times the active person's; at exactly twice, or less, the active person comes first.
 */
export const COMPARABLE_FACTOR = 2;

/** Weight of a co-authored line relative to an authored one. */
const CO_AUTHOR_WEIGHT = 0.5;
/** Points per authored revision, so edits whose lines were later rewritten still count a little. */
const REVISION_POINTS = 2;

/**
 * score(person) = Σ over lines surviving at HEAD   decay(age of the commit that last changed the line) × (1 if authored, 0.5 if co-authored)
 *               + Σ over the person's revisions     2 × decay(age of the revision)
 * with decay(days) = 0.5 ^ (days / halfLife): a line written today counts 1, one written a year ago ½.
 * Bots are never candidates. Ties go to the most recent contributor, then the name.
 * People active within `inactiveDays` come first: an inactive person is listed above an active one only when their
 * score is more than COMPARABLE_FACTOR times the active one's (the two rankings are merged on that rule).
 */
export function askThesePeople(pages: readonly PageRecord[], today: string, options: AskOptions = {}): AskCandidate[] {
  const halfLife = options.halfLifeDays ?? 365;
  const decay = (date: string) => 0.5 ** (Math.max(0, daysSince(date, today)) / halfLife);
  const candidates = new Map<string, AskCandidate>();
  const add = (person: Person, points: number, lines: number, date: string) => {
    let c = candidates.get(person.email);
    if (!c) candidates.set(person.email, (c = { name: person.name, email: person.email, score: 0, lines: 0, last: date, lastAnywhere: date, active: true }));
    c.score += points;
    c.lines += lines;
    if (Date.parse(date) > Date.parse(c.last)) c.last = date;
  };
  for (const { history } of pages) {
    const revisions = new Map<string, Revision>(history.revisions.map((r) => [r.commit, r]));
    const linesPerCommit = new Map<string, number>();
    for (const commit of history.lineCommits) linesPerCommit.set(commit, (linesPerCommit.get(commit) ?? 0) + 1);
    for (const [commit, lines] of linesPerCommit) {
      const revision = revisions.get(commit);
      if (!revision || revision.bot) continue;
      const weight = decay(revision.date);
      add(revision.author, lines * weight, lines, revision.date);
      for (const co of revision.coAuthors) if (co.email !== revision.author.email) add(co, lines * weight * CO_AUTHOR_WEIGHT, 0, revision.date);
    }
    for (const revision of history.revisions) {
      if (!revision.bot) add(revision.author, REVISION_POINTS * decay(revision.date), 0, revision.date);
    }
  }
  const ranked = [...candidates.values()].sort((a, b) => b.score - a.score || Date.parse(b.last) - Date.parse(a.last) || a.name.localeCompare(b.name));
  for (const c of ranked) {
    const elsewhere = options.lastContribution?.get(c.email);
    c.lastAnywhere = elsewhere && timeOf(elsewhere) > timeOf(c.last) ? elsewhere : c.last;
    c.active = options.inactiveDays === undefined || daysSince(c.lastAnywhere, today) < options.inactiveDays;
  }
  return activeFirst(ranked).slice(0, options.limit ?? 3);
}

/** Merges the active and the inactive rankings: the inactive head goes first only when it outweighs the active head by more than the factor. */
function activeFirst(ranked: readonly AskCandidate[]): AskCandidate[] {
  const active = ranked.filter((c) => c.active);
  const inactive = ranked.filter((c) => !c.active);
  const merged: AskCandidate[] = [];
  let i = 0;
  let j = 0;
  while (i < active.length || j < inactive.length) {
    const a = active[i];
    const b = inactive[j];
    if (b && (!a || b.score > COMPARABLE_FACTOR * a.score)) merged.push(inactive[j++]!);
    else merged.push(active[i++]!);
  }
  return merged;
}
