// Runs anywhere: the site view: everything the pages, the section credits and `wiki stats` show about people, from model + history + config + today.
import type { WikiConfig } from '../config/schema.ts';
import type { Steward } from '../content/schemas.ts';
import type { Community } from '../content/types.ts';
import { pageHref } from '../content/paths.ts';
import { listedBotMatcher } from '../history/identities.ts';
import type { PageHistory, Person, Revision } from '../history/types.ts';
import { monthlyContributions, monthlySeries, type MonthCount } from '../attribution/activity.ts';
import { askThesePeople, type AskCandidate } from '../attribution/ask.ts';
import { contactFor, type Contact } from '../attribution/contact.ts';
import { lastContributions, type HealthThresholds, type PageAtRisk } from '../attribution/health.ts';
import { pageRecordsOf, type PageRecord } from '../attribution/page-record.ts';
import { isOutdated } from '../attribution/outdated.ts';
import { summarizePeople, type PersonSummary } from '../attribution/people.ts';
import { recentChanges, type RecentChange } from '../attribution/recent.ts';
import { communityRecentPathOf, historyPathOf } from '../site/routes.ts';
import type { AtomFeed } from '../site/atom.ts';
import { feedOf } from './feeds.ts';
import { frontPageOf, siteTitleOf } from './front-page.ts';
import { atRiskOf, communityHealth, thresholdsOf, type CommunityHealth } from './health.ts';

/** What the view reads of a page (a WikiPage has it all). */
export interface ViewPage {
  id: string;
  community: string;
  title: string;
  status?: string | undefined;
  reviewBy?: string | undefined;
  /** For the front page (front-page.ts); a WikiPage has them. */
  path?: string;
  isIndex?: boolean;
  untitled?: true | undefined;
}

export interface SiteViewInput {
  config: WikiConfig;
  model: {
    communities: readonly Pick<Community, 'slug' | 'stewards'>[];
    pages: readonly ViewPage[];
  };
  history: { head: string | null; shallow: boolean; pages: Readonly<Record<string, PageHistory>> };
  /** The build's date (YYYY-MM-DD), resolved at the edge. */
  today: string;
  /** Pages still outdated though HEAD lost the mark to a bot's commit (src/lib/attribution/outdated.ts). */
  outdatedBeforeBots?: readonly string[] | undefined;
}

/** A contributor with their page's URL, their contributions per month (the last 24) and the communities they steward. */
export interface PersonView extends PersonSummary {
  href: string;
  activity: MonthCount[];
  stewardOf: string[];
}

export interface AskPerson extends AskCandidate {
  href?: string;
  contact: Contact;
}

/** A person for display: a link to their page when they have one. */
export interface PersonRef extends Person {
  href?: string;
  bot?: boolean;
}

export interface RecentOptions {
  /** false leaves out the bots wiki.config.yml lists. */
  bots?: boolean;
}

export interface SiteView {
  today: string;
  /** The site's title: wiki.config.yml's, else the front page's heading, else "Community wiki". */
  title: string;
  /** The README.md or index.md at the content root, whose text the home page shows. */
  frontPageId?: string;
  thresholds: HealthThresholds;
  revisionsPerPage: number;
  hrefFor(id: string): string;
  /** A feed's URL: `feeds/<name>.xml` under the base path (no trailing slash, unlike pages). */
  feedHref(name: string): string;
  pageRecords: readonly PageRecord[];
  recordsOf(community: Pick<Community, 'pageIds'>): PageRecord[];
  historyOf(pageId: string): PageHistory | undefined;
  historyPathFor(pageId: string): string;
  historyHref(pageId: string): string;
  communityRecentPath(slug: string): string | undefined;
  /** The URL of one revision on its (possibly paginated) history page. */
  revisionHref(pageId: string, commit: string): string;
  people: readonly PersonView[];
  personOf(email: string | undefined): PersonView | undefined;
  personHref(email: string | undefined): string | undefined;
  refOf(person: Person, bot?: boolean): PersonRef;
  contactOf(email: string): Contact;
  askForPage(pageId: string): AskPerson[];
  askForCommunity(community: Pick<Community, 'pageIds'>): AskPerson[];
  /** Every page at risk, most at risk first. */
  atRisk: readonly PageAtRisk[];
  /** True for a page HEAD does not mark outdated whose mark only a bot's later commit removed. */
  keptOutdated(pageId: string): boolean;
  /** The outdated rule every view shows (`isOutdated`): marked at HEAD, or kept outdated through bots' commits. */
  isOutdated(page: { id: string; status?: string | undefined }): boolean;
  healthOf(community: Pick<Community, 'slug' | 'pageIds'>): CommunityHealth;
  /** Distinct commits per month over the last `months` months, for pages of the given ids (all pages when omitted). */
  monthsOf(pageIds: Iterable<string> | undefined, months: number): MonthCount[];
  recentSiteChanges(limit?: number, options?: RecentOptions): RecentChange[];
  recentCommunityChanges(community: Pick<Community, 'pageIds'>, limit?: number, options?: RecentOptions): RecentChange[];
  feed(title: string, pagePath: string, feedName: string, changes: readonly RecentChange[]): AtomFeed;
}

export function buildSiteView({ config, model, history, today, outdatedBeforeBots = [] }: SiteViewInput): SiteView {
  const hrefFor = (id: string) => pageHref(config.base, id);
  const frontPage = frontPageOf(model.pages);
  const siteTitle = siteTitleOf(config.title, frontPage);
  const feedHref = (name: string) => `${hrefFor('feeds')}${name}.xml`;
  const thresholds = thresholdsOf(config.attribution);
  const revisionsPerPage = config.attribution.revisionsPerPage;

  const pageRecords = pageRecordsOf(model.pages, history.pages);
  const recordsById = new Map(pageRecords.map((r) => [r.id, r]));
  const recordsOf = (community: Pick<Community, 'pageIds'>) => community.pageIds.flatMap((id) => recordsById.get(id) ?? []);

  const pageIds = new Set<string>(model.pages.map((p) => p.id));
  const historyPathFor = (pageId: string) => historyPathOf(pageId, pageIds);
  const revisionHref = (pageId: string, commit: string) => {
    const revisions = history.pages[pageId]?.revisions ?? [];
    const n = Math.floor(Math.max(0, revisions.findIndex((r) => r.commit === commit)) / revisionsPerPage) + 1;
    return `${hrefFor(n === 1 ? historyPathFor(pageId) : `${historyPathFor(pageId)}/${n}`)}#r-${commit.slice(0, 7)}`;
  };

  const stewardOf = (email: string) => model.communities.filter((c) => c.stewards.some((s) => s.email?.toLowerCase() === email)).map((c) => c.slug);
  const people: PersonView[] = summarizePeople(pageRecords).map((p) => ({
    ...p,
    href: hrefFor(`people/${p.slug}`),
    activity: monthlySeries(p.months, today, 24),
    stewardOf: [...new Set([p.email, ...p.joinedEmails].flatMap(stewardOf))],
  }));
  // A person's joined emails (a steward may be listed under any of them) lead to the person too.
  const peopleByEmail = new Map(people.flatMap((p) => [...p.joinedEmails, p.email].map((e) => [e, p] as const)));
  const personOf = (email: string | undefined) => (email ? peopleByEmail.get(email.toLowerCase()) : undefined);
  const personHref = (email: string | undefined) => personOf(email)?.href;
  const refOf = (person: Person, bot = false): PersonRef => {
    const href = bot ? undefined : personHref(person.email);
    return { name: person.name, email: person.email, ...(href ? { href } : {}), ...(bot ? { bot } : {}) };
  };

  // Stewards named in community.yml, by email, for the handles and mail links "ask these people" offers.
  const stewardsByEmail = new Map<string, Steward>();
  for (const community of model.communities) for (const s of community.stewards) if (s.email) stewardsByEmail.set(s.email.toLowerCase(), s);
  const stewardFor = (email: string) => {
    const person = personOf(email);
    return [email.toLowerCase(), ...(person ? [person.email, ...person.joinedEmails] : [])].map((e) => stewardsByEmail.get(e)).find((s) => s !== undefined);
  };
  const contactOf = (email: string) => contactFor(email, stewardFor(email));
  const lastByEmail = lastContributions(pageRecords);
  const askOptions = { halfLifeDays: config.attribution.askHalfLifeDays, inactiveDays: thresholds.inactiveDays, lastContribution: lastByEmail };
  const ask = (records: PageRecord[]): AskPerson[] =>
    askThesePeople(records, today, askOptions).map((c) => {
      const href = personHref(c.email);
      return { ...c, ...(href ? { href } : {}), contact: contactOf(c.email) };
    });

  const stillOutdated = new Set(outdatedBeforeBots);
  const judged = model.pages.map((p) => (isOutdated(p, stillOutdated) ? { ...p, status: 'outdated' } : p));
  const atRisk = atRiskOf(judged, recordsById, lastByEmail, today, thresholds);
  const health = new Map<string, CommunityHealth>();
  const healthOf = (community: Pick<Community, 'slug' | 'pageIds'>) => {
    let found = health.get(community.slug);
    if (!found) health.set(community.slug, (found = communityHealth(community, recordsOf(community), atRisk, today, thresholds)));
    return found;
  };

  // A name ending in [bot] is anyone's to take, so only the bots wiki.config.yml lists are hidden.
  const listedBot = listedBotMatcher(config.bots);
  const hiding = (options: RecentOptions) => (options.bots === false ? { hide: (r: Revision) => listedBot(r.author) } : {});

  const view: SiteView = {
    today,
    title: siteTitle,
    ...(frontPage ? { frontPageId: frontPage.id } : {}),
    thresholds,
    revisionsPerPage,
    hrefFor,
    feedHref,
    pageRecords,
    recordsOf,
    historyOf: (pageId) => history.pages[pageId],
    historyPathFor,
    historyHref: (pageId) => hrefFor(historyPathFor(pageId)),
    communityRecentPath: (slug) => communityRecentPathOf(slug, pageIds),
    revisionHref,
    people,
    personOf,
    personHref,
    refOf,
    contactOf,
    askForPage: (pageId) => ask(recordsById.has(pageId) ? [recordsById.get(pageId)!] : []),
    askForCommunity: (community) => ask(recordsOf(community)),
    atRisk,
    keptOutdated: (pageId) => stillOutdated.has(pageId),
    isOutdated: (page) => isOutdated(page, stillOutdated),
    healthOf,
    monthsOf: (ids, months) => {
      const records = ids === undefined ? pageRecords : [...ids].flatMap((id) => recordsById.get(id) ?? []);
      return monthlyContributions(records.flatMap((r) => r.history.revisions), today, months);
    },
    recentSiteChanges: (limit = 50, options = {}) => recentChanges(pageRecords, limit, hiding(options)),
    recentCommunityChanges: (community, limit = 50, options = {}) => recentChanges(recordsOf(community), limit, hiding(options)),
    feed: (title, pagePath, feedName, changes) => feedOf({ site: config.site, author: siteTitle, today, hrefFor, feedHref, revisionHref }, title, pagePath, feedName, changes),
  };
  return view;
}
