// Runs at build time in the pages: the history views' data, computed once from the engine's result and the model.
import type { Steward } from '../lib/content/schemas.ts';
import { contactFor, type Contact } from '../lib/attribution/contact.ts';
import type { Community, WikiPage } from '../lib/content/model.ts';
import { listedBotMatcher } from '../lib/history/identities.ts';
import type { PageHistory, Person, Revision } from '../lib/history/types.ts';
import { askThesePeople, type AskCandidate } from '../lib/attribution/ask.ts';
import { activeContributors, knowledgeAtRisk, lastContributions, pagesByFreshness, type HealthThresholds } from '../lib/attribution/health.ts';
import { pageRecordsOf, type PageRecord } from '../lib/attribution/page-record.ts';
import { summarizePeople, type PersonSummary } from '../lib/attribution/people.ts';
import { recentChanges } from '../lib/attribution/recent.ts';
import { communityRecentPathOf, historyPathOf } from '../lib/attribution/routes.ts';
import { monthlyContributions } from '../lib/attribution/activity.ts';
import { config, history, hrefFor, model, pagesById, today } from './site.ts';

export const thresholds: HealthThresholds = {
  atRiskShare: config.attribution.atRiskShare,
  inactiveDays: config.attribution.inactiveDays,
  activeWindowDays: config.attribution.activeDays,
};

/** True when the build found any history at all; every history section hides without it. */
export const hasHistory = history.head !== null && Object.keys(history.pages).length > 0;

export const historyOf = (pageId: string): PageHistory | undefined => history.pages[pageId];

export const pageRecords: PageRecord[] = pageRecordsOf(model.pages, history.pages);
const recordsById = new Map(pageRecords.map((r) => [r.id, r]));
export const recordsOf = (community: Community): PageRecord[] => community.pageIds.flatMap((id) => recordsById.get(id) ?? []);

const pageIds = new Set<string>(model.pages.map((p) => p.id));
export const historyPathFor = (pageId: string) => historyPathOf(pageId, pageIds);
export const historyHref = (pageId: string) => hrefFor(historyPathFor(pageId));
export const communityRecentPath = (slug: string) => communityRecentPathOf(slug, pageIds);

export const people: PersonSummary[] = summarizePeople(pageRecords);
const peopleByEmail = new Map(people.map((p) => [p.email, p]));
export const personOf = (email: string | undefined): PersonSummary | undefined => (email ? peopleByEmail.get(email.toLowerCase()) : undefined);
/** The person's page, when they have one (contributed, and not a bot). */
export const personHref = (email: string | undefined) => {
  const person = personOf(email);
  return person ? hrefFor(`people/${person.slug}`) : undefined;
};

/** Stewards named in community.yml, by email, for the handles and mail links "ask these people" offers. */
const stewardsByEmail = new Map<string, Steward>();
for (const community of model.communities) for (const s of community.stewards) if (s.email) stewardsByEmail.set(s.email.toLowerCase(), s);
export const stewardOf = (email: string) => stewardsByEmail.get(email.toLowerCase());

export const contactOf = (email: string): Contact => contactFor(email, stewardOf(email));

export interface AskPerson extends AskCandidate {
  href?: string;
  contact: Contact;
}
const ask = (records: PageRecord[]): AskPerson[] =>
  askThesePeople(records, today, { halfLifeDays: config.attribution.askHalfLifeDays }).map((c) => ({
    ...c,
    ...(personHref(c.email) ? { href: personHref(c.email) } : {}),
    contact: contactOf(c.email),
  }));
export const askForPage = (pageId: string): AskPerson[] => ask(recordsById.has(pageId) ? [recordsById.get(pageId)!] : []);
export const askForCommunity = (community: Community): AskPerson[] => ask(recordsOf(community));

const lastByEmail = lastContributions(pageRecords);
export const lastContributionOf = (email: string) => lastByEmail.get(email);

export function healthOf(community: Community) {
  const records = recordsOf(community);
  const pages = community.pageIds.map((id) => pagesById.get(id)).filter((p): p is WikiPage => p !== undefined);
  return {
    active: activeContributors(records, today, thresholds.activeWindowDays),
    freshness: pagesByFreshness(records, today, thresholds.activeWindowDays),
    atRisk: knowledgeAtRisk(
      pages.map((p) => ({ id: p.id, ...(p.status ? { status: p.status } : {}), ...(p.reviewBy ? { reviewBy: p.reviewBy } : {}), ...(recordsById.get(p.id) ? { history: recordsById.get(p.id)!.history } : {}) })),
      lastByEmail,
      today,
      thresholds,
    ),
    months: monthlyContributions(records.flatMap((r) => r.history.revisions), today, 24),
  };
}

/** `bots: false` leaves out only the bots wiki.config.yml lists: a name ending in [bot] is anyone's to take, so it hides no change. */
const listedBot = listedBotMatcher(config.bots);
const hiding = (options: { bots?: boolean }) => (options.bots === false ? { hide: (r: Revision) => listedBot(r.author) } : {});
export const recentSiteChanges = (limit = 50, options: { bots?: boolean } = {}) => recentChanges(pageRecords, limit, hiding(options));
export const recentCommunityChanges = (community: Community, limit = 50, options: { bots?: boolean } = {}) => recentChanges(recordsOf(community), limit, hiding(options));

/** A person for display: a link to their page when they have one. */
export interface PersonRef extends Person {
  href?: string;
  bot?: boolean;
}
export const refOf = (person: Person, bot = false): PersonRef => {
  const href = bot ? undefined : personHref(person.email);
  return { name: person.name, email: person.email, ...(href ? { href } : {}), ...(bot ? { bot } : {}) };
};

/** Revisions per history page, and the URL of one revision on its (possibly paginated) history page. */
export const revisionsPerPage = config.attribution.revisionsPerPage;
export function revisionHref(pageId: string, commit: string): string {
  const revisions = history.pages[pageId]?.revisions ?? [];
  const index = Math.max(0, revisions.findIndex((r) => r.commit === commit));
  const n = Math.floor(index / revisionsPerPage) + 1;
  return `${hrefFor(n === 1 ? historyPathFor(pageId) : `${historyPathFor(pageId)}/${n}`)}#r-${commit.slice(0, 7)}`;
}

/** A feed's URL: `feeds/<name>.xml` under the base path (no trailing slash, unlike pages). */
export const feedHref = (name: string) => `${hrefFor('feeds')}${name}.xml`;
