// The site view of a real multi-author wiki (git history with a co-author, a bot and a rename): people, ask, health, recent changes, feeds and stats, without an Astro build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wikiStats } from '../../src/lib/site-view/stats.ts';
import { buildSiteView, type SiteView } from '../../src/lib/site-view/site-view.ts';
import type { SiteData } from '../../src/integration/site-data.ts';
import { attributionRepo, ATTRIBUTION_TODAY } from '../helpers/attribution-repo.ts';
import type { TestRepo } from '../helpers/git-repo.ts';
import { siteDataOf } from '../helpers/site-data.ts';

describe('the site view of a multi-author wiki', () => {
  let repo: TestRepo;
  let data: SiteData;
  let view: SiteView;
  const ops = () => data.model.communities.find((c) => c.slug === 'ops')!;
  beforeAll(async () => {
    repo = attributionRepo();
    data = await siteDataOf(repo.dir, ATTRIBUTION_TODAY);
    view = buildSiteView(data);
  });
  afterAll(() => repo?.remove());

  it('lists people by surviving lines with their page links, bots excluded', () => {
    expect(view.people.map((p) => p.slug)).toEqual(['ada-lovelace', 'linus-torvalds', 'grace-hopper']);
    expect(view.people.map((p) => p.href)).toEqual(['/people/ada-lovelace/', '/people/linus-torvalds/', '/people/grace-hopper/']);
    expect(view.people.some((p) => /renovate/.test(p.name + p.email))).toBe(false);
    expect(view.personHref('bot@renovate.example')).toBeUndefined();
    // Section credits link people through the same look-up, whatever case the email comes in.
    expect(view.personHref('Ada@Example.org')).toBe('/people/ada-lovelace/');
  });

  it("gives each person what they created, edited and when they started, and how to reach them", () => {
    const grace = view.personOf('grace@example.org')!;
    expect(grace.pagesCreated).toEqual([]);
    expect(grace.pagesEdited).toHaveLength(2);
    expect(grace.first.date).toBe('2026-09-10T09:00:00+02:00');
    expect(grace.activity).toHaveLength(24);
    expect(grace.activity[0]!.month).toBe('2024-12');
    expect(grace.activity.at(-1)!.month).toBe('2026-11');
    expect(grace.activity.reduce((n, m) => n + m.count, 0)).toBe(2);
    expect(Math.max(...grace.activity.map((m) => m.count))).toBe(1);
    // The commit email, since nobody listed another; a steward's listing adds their handle.
    expect(view.contactOf('grace@example.org')).toEqual({ email: 'grace@example.org' });
    expect(view.contactOf('ada@example.org')).toEqual({ email: 'ada@example.org', github: 'ada' });
    expect(view.personOf('ada@example.org')!.stewardOf).toEqual(['ops']);
    expect(grace.stewardOf).toEqual([]);
  });

  it('asks the people whose recent, surviving work a page holds, with their links and contacts', () => {
    const ask = view.askForPage('ops/backups');
    // Ada (last contribution 2024-03-01, past `inactiveDays`) comes after the active people, marked.
    expect(ask.map((p) => [p.name, p.active])).toEqual([['Grace Hopper', true], ['Linus Torvalds', true], ['Ada Lovelace', false]]);
    expect(ask.map((p) => p.href)).toEqual(['/people/grace-hopper/', '/people/linus-torvalds/', '/people/ada-lovelace/']);
    expect(ask[2]!.lastAnywhere).toBe('2024-03-01T10:00:00+00:00');
    expect(ask[2]!.contact).toEqual({ email: 'ada@example.org', github: 'ada' });
    expect(view.askForPage('no/such-page')).toEqual([]);
    expect(view.askForCommunity(ops()).map((p) => p.name)).toContain('Linus Torvalds');
  });

  it("gives a community its active people, freshness, knowledge at risk and monthly chart", () => {
    const health = view.healthOf(ops());
    expect(health.active.map((p) => [p.name, p.commits])).toEqual([['Linus Torvalds', 5], ['Grace Hopper', 2]]);
    const legacy = health.atRisk.find((r) => r.id === 'ops/legacy')!;
    expect(legacy.reasons).toEqual([expect.objectContaining({ kind: 'single-holder', share: 1, person: { name: 'Ada Lovelace', email: 'ada@example.org' } })]);
    expect(view.refOf(legacy.reasons[0]!.kind === 'single-holder' ? legacy.reasons[0]!.person : { name: '', email: '' }).href).toBe('/people/ada-lovelace/');
    expect(health.atRisk.map((r) => r.id)).not.toContain('ops/backups');
    expect(health.freshness.map((f) => f.id)).toEqual(['ops', 'ops/legacy', 'ops/backups', 'ops/deploy']);
    expect(health.months).toHaveLength(24);
    expect(health.months.at(-1)).toEqual({ month: '2026-11', count: 5 });
    // The same object each time: computed once per community.
    expect(view.healthOf(ops())).toBe(health);
  });

  it('judges knowledge at risk once for the whole wiki, most at risk first', () => {
    expect(view.atRisk.map((r) => r.id)).toEqual(['ops', 'ops/legacy', 'research']);
  });

  it('lists recent changes newest first; the summaries hide the listed bots, the full lists keep them', () => {
    expect(view.recentSiteChanges().slice(0, 3).map((c) => c.pageId)).toEqual(['research/recent', 'ops/deploy', 'ops/deploy']);
    const summary = view.recentCommunityChanges(ops(), 8, { bots: false }).map((c) => c.revision.message);
    expect(summary).toContain('Backups: full backups <at three>');
    expect(summary).not.toContain('Fix spacing');
    expect(view.recentCommunityChanges(ops()).map((c) => c.revision.message)).toContain('Fix spacing');
  });

  it('places history pages clear of the pages, and links each revision on its paginated history page', () => {
    expect(view.historyHref('ops/backups')).toBe('/ops/backups/history/');
    expect(view.historyPathFor('ops')).toBe('ops/history');
    expect(view.communityRecentPath('ops')).toBe('ops/recent');
    // A page called "recent" takes the research community's recent-changes path.
    expect(view.communityRecentPath('research')).toBeUndefined();
    const deploy = view.historyOf('ops/deploy')!.revisions;
    expect(deploy).toHaveLength(6);
    expect(view.revisionHref('ops/deploy', deploy[0]!.commit)).toBe(`/ops/deploy/history/#r-${deploy[0]!.commit.slice(0, 7)}`);
    expect(view.revisionHref('ops/deploy', deploy[5]!.commit)).toBe(`/ops/deploy/history/2/#r-${deploy[5]!.commit.slice(0, 7)}`);
  });

  it('makes feed entries of recent changes, with ids stable without a site address', () => {
    const feed = view.feed('Fixture wiki: recent changes', 'recent', 'recent', view.recentSiteChanges());
    expect(feed.self).toBe('/feeds/recent.xml');
    expect(feed.author).toBe('Fixture wiki');
    expect(feed.updated).toBe('2026-11-21T12:00:00+00:00');
    const [entry] = feed.entries;
    expect(entry!.title).toBe('Recent findings: A page called recent');
    expect(entry!.authors).toEqual([{ name: 'Linus Torvalds' }]);
    expect(entry!.id).toMatch(/^urn:cop-wiki:[0-9a-f]{40}:research%2Frecent$/);
    expect(entry!.link).toMatch(/^\/research\/recent\/history\/#r-[0-9a-f]{7}$/);
    const withSite = buildSiteView({ ...data, config: { ...data.config, site: 'https://wiki.example.org' } });
    const absolute = withSite.feed('t', 'recent', 'recent', withSite.recentSiteChanges());
    expect(absolute.self).toBe('https://wiki.example.org/feeds/recent.xml');
    expect(absolute.entries[0]!.id).toBe(absolute.entries[0]!.link);
    expect(view.feed('Empty', 'recent', 'none', []).updated).toBe(ATTRIBUTION_TODAY);
  });

  it('gives `wiki stats` the same numbers', () => {
    const report = wikiStats({ communities: data.model.communities, pages: data.model.pages, history: data.history }, view, 3);
    expect(report.pages).toBe(6);
    expect(report.people).toBe(3);
    expect(report.commits).toBe(8); // the bot's commit is not a contribution
    expect(report.communities.map((c) => [c.slug, c.pages, c.people, c.commits])).toEqual([
      ['ops', 4, 3, 7],
      ['research', 2, 2, 2],
    ]);
    expect(report.months).toEqual([{ month: '2026-09', count: 1 }, { month: '2026-10', count: 0 }, { month: '2026-11', count: 6 }]);
    // Ada wrote every line of both community homes and of Legacy, and has been away since 2024.
    expect(report.atRisk.map((r) => r.id)).toEqual(['ops', 'ops/legacy', 'research']);
  });
});
