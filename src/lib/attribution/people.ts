// Runs anywhere: everyone who contributed to the wiki, aggregated across pages (identity = email, after .mailmap).
import { textSlug } from '../content/slugs.ts';
import type { Person, Revision } from '../history/types.ts';
import { monthOf, timeOf } from './dates.ts';
import type { PageRecord } from './page-record.ts';

export interface PersonCommunity {
  slug: string;
  /** Page revisions in this community, authored or co-authored. */
  edits: number;
  lines: number;
}

export interface PersonSummary {
  /** URL segment: the name's slug, "-2", "-3"… for later people with the same slug. */
  slug: string;
  name: string;
  email: string;
  /** The person's other emails, which the engine joined into this one by name or forge login (sorted). */
  joinedEmails: string[];
  /** Distinct commits authored or co-authored. */
  commits: number;
  /** Distinct commits co-authored (Co-authored-by trailers). */
  coAuthored: number;
  /** Lines at HEAD last changed by this person's commits, all pages. */
  lines: number;
  added: number;
  removed: number;
  communities: PersonCommunity[];
  /** Page ids whose first revision this person authored. */
  pagesCreated: string[];
  /** Page ids this person changed after someone else created them. */
  pagesEdited: string[];
  first: Revision;
  last: Revision;
  /** Distinct commits per month (YYYY-MM). */
  months: Record<string, number>;
}

interface Draft extends Omit<PersonSummary, 'slug' | 'communities' | 'months' | 'commits' | 'coAuthored'> {
  commitSet: Set<string>;
  coAuthoredSet: Set<string>;
  communityMap: Map<string, PersonCommunity>;
  monthSets: Map<string, Set<string>>;
}

const isNewer = (a: Revision, b: Revision) => timeOf(a.date) > timeOf(b.date);

/** People ranked by surviving lines, then commits; bots are left out (their revisions carry `bot`). */
export function summarizePeople(pages: readonly PageRecord[]): PersonSummary[] {
  const drafts = new Map<string, Draft>();
  const draftFor = (person: Person, revision: Revision): Draft => {
    let draft = drafts.get(person.email);
    if (!draft) {
      draft = {
        name: person.name, email: person.email, joinedEmails: [...(person.joined ?? [])], lines: 0, added: 0, removed: 0, pagesCreated: [], pagesEdited: [],
        first: revision, last: revision, commitSet: new Set(), coAuthoredSet: new Set(), communityMap: new Map(), monthSets: new Map(),
      };
      drafts.set(person.email, draft);
    }
    return draft;
  };
  const touch = (draft: Draft, page: PageRecord, revision: Revision, coAuthor: boolean) => {
    if (isNewer(revision, draft.last)) {
      draft.last = revision;
      if (!coAuthor) draft.name = (revision.author.email === draft.email ? revision.author : draft).name;
    }
    if (isNewer(draft.first, revision)) draft.first = revision;
    draft.commitSet.add(revision.commit);
    if (coAuthor) draft.coAuthoredSet.add(revision.commit);
    const month = monthOf(revision.date);
    if (!draft.monthSets.has(month)) draft.monthSets.set(month, new Set());
    draft.monthSets.get(month)!.add(revision.commit);
    const community = draft.communityMap.get(page.community) ?? { slug: page.community, edits: 0, lines: 0 };
    community.edits++;
    draft.communityMap.set(page.community, community);
  };

  for (const page of pages) {
    const { history } = page;
    const touchedPage = new Set<string>();
    for (const revision of [...history.revisions].reverse()) {
      if (revision.bot) continue;
      const author = draftFor(revision.author, revision);
      touch(author, page, revision, false);
      author.added += revision.added;
      author.removed += revision.removed;
      touchedPage.add(revision.author.email);
      for (const co of revision.coAuthors) {
        if (co.email === revision.author.email) continue;
        touch(draftFor(co, revision), page, revision, true);
        touchedPage.add(co.email);
      }
    }
    const creator = history.created.bot ? undefined : history.created.author.email;
    for (const email of touchedPage) {
      const draft = drafts.get(email)!;
      (email === creator ? draft.pagesCreated : draft.pagesEdited).push(page.id);
    }
    for (const contributor of history.contributors) {
      const draft = drafts.get(contributor.email);
      if (!draft) continue;
      draft.lines += contributor.lines;
      const community = draft.communityMap.get(page.community);
      if (community) community.lines += contributor.lines;
    }
  }

  const people = [...drafts.values()].map(({ commitSet, coAuthoredSet, communityMap, monthSets, ...rest }) => ({
    ...rest,
    slug: '',
    commits: commitSet.size,
    coAuthored: coAuthoredSet.size,
    communities: [...communityMap.values()].sort((a, b) => b.lines - a.lines || b.edits - a.edits || a.slug.localeCompare(b.slug)),
    pagesCreated: rest.pagesCreated.sort(),
    pagesEdited: rest.pagesEdited.sort(),
    months: Object.fromEntries([...monthSets].sort(([a], [b]) => a.localeCompare(b)).map(([m, set]) => [m, set.size])),
  }));
  assignSlugs(people);
  return people.sort((a, b) => b.lines - a.lines || b.commits - a.commits || a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}

/**
 * Slugs from names; when two people share one, the earlier contributor keeps it and later ones get "-2", "-3",
 * so a person's URL does not change when someone with the same name starts contributing.
 */
function assignSlugs(people: PersonSummary[]): void {
  const taken = new Set<string>();
  const ordered = [...people].sort((a, b) => timeOf(a.first.date) - timeOf(b.first.date) || a.email.localeCompare(b.email));
  for (const person of ordered) {
    const base = textSlug(person.name) || textSlug(person.email.split('@')[0] ?? '') || 'person';
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
    taken.add(candidate);
    person.slug = candidate;
  }
}
