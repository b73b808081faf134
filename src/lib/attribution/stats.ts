// Runs anywhere: the numbers behind `wiki stats`: communities, pages, people, contributions over time, knowledge at risk.
import type { SiteView } from '../site-view/site-view.ts';
import { escaped, escapeForTerminal } from '../terminal-text.ts';
import type { MonthCount } from './activity.ts';
import type { RiskReason } from './health.ts';

export interface StatsInput {
  communities: readonly { slug: string; name: string; pageIds: readonly string[] }[];
  pages: readonly { id: string; community: string; title: string }[];
  history: { head: string | null; shallow: boolean };
}

export interface CommunityStats {
  slug: string;
  name: string;
  pages: number;
  /** Pages git knows a history for. */
  tracked: number;
  people: number;
  commits: number;
  months: MonthCount[];
}

export interface WikiStats {
  head: string | null;
  shallow: boolean;
  today: string;
  communities: CommunityStats[];
  pages: number;
  people: number;
  commits: number;
  months: MonthCount[];
  topPeople: { name: string; email: string; lines: number; commits: number }[];
  atRisk: { id: string; title: string; community: string; reasons: RiskReason[] }[];
}

/** The site view's numbers, counted per community and for the whole wiki; people, activity and risk are the view's own. */
export function wikiStats(input: StatsInput, view: SiteView, months = 12): WikiStats {
  const distinctCommits = (ids: ReadonlySet<string>) => {
    const commits = new Set<string>();
    for (const r of view.pageRecords) {
      if (!ids.has(r.id)) continue;
      for (const rev of r.history.revisions) if (!rev.bot) commits.add(rev.commit);
    }
    return commits.size;
  };
  const communities = input.communities.map((c) => {
    const ids = new Set(c.pageIds);
    return {
      slug: c.slug,
      name: c.name,
      pages: c.pageIds.length,
      tracked: view.pageRecords.filter((r) => ids.has(r.id)).length,
      people: view.people.filter((p) => p.communities.some((pc) => pc.slug === c.slug)).length,
      commits: distinctCommits(ids),
      months: view.monthsOf(c.pageIds, months),
    };
  });
  const byId = new Map(input.pages.map((p) => [p.id, p]));
  return {
    head: input.history.head,
    shallow: input.history.shallow,
    today: view.today,
    communities,
    pages: input.pages.length,
    people: view.people.length,
    commits: distinctCommits(new Set(input.pages.map((p) => p.id))),
    months: view.monthsOf(undefined, months),
    topPeople: view.people.slice(0, 10).map((p) => ({ name: p.name, email: p.email, lines: p.lines, commits: p.commits })),
    atRisk: view.atRisk.map((r) => ({ id: r.id, title: byId.get(r.id)?.title ?? r.id, community: byId.get(r.id)?.community ?? '', reasons: r.reasons })),
  };
}

const reasonText = (r: RiskReason) =>
  r.kind === 'single-holder'
    ? escaped`${Math.round(r.share * 100)}% by ${r.person.name}, inactive ${r.inactiveDays} days`
    : r.kind === 'review-overdue'
      ? escaped`review overdue since ${r.reviewBy}`
      : 'marked outdated';

/** The report `wiki stats` prints without --json. */
export function formatStats(stats: WikiStats): string {
  const lines: string[] = [];
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  lines.push(`${stats.pages} pages, ${stats.communities.length} communities, ${stats.people} people, ${stats.commits} commits (as of ${stats.today}${stats.head ? `, HEAD ${stats.head.slice(0, 7)}` : ', no git history'})`);
  if (stats.shallow) lines.push('warning: shallow clone: history before the boundary is missing');
  lines.push('', 'Communities:');
  const count = (n: number, one: string, many: string) => `${pad(n, 5)} ${(n === 1 ? one : many).padEnd(many.length)}`;
  for (const c of stats.communities) lines.push(`  ${escapeForTerminal(c.name).padEnd(28)} ${count(c.pages, 'page', 'pages')} ${count(c.people, 'person', 'people')} ${count(c.commits, 'commit', 'commits')}`.trimEnd());
  lines.push('', 'Contributions per month:');
  const header = ['  month  ', 'all', ...stats.communities.map((c) => escapeForTerminal(c.slug))];
  lines.push(header.join('  '));
  stats.months.forEach((m, i) => {
    lines.push([`  ${m.month}`, pad(m.count, 3), ...stats.communities.map((c) => pad(c.months[i]?.count ?? 0, escapeForTerminal(c.slug).length))].join('  '));
  });
  if (stats.topPeople.length > 0) {
    lines.push('', 'People (by lines in the wiki today):');
    for (const p of stats.topPeople) lines.push(`  ${escapeForTerminal(p.name).padEnd(28)} ${count(p.lines, 'line', 'lines')} ${count(p.commits, 'commit', 'commits')}`.trimEnd());
  }
  lines.push('', stats.atRisk.length ? `Knowledge at risk (${stats.atRisk.length}):` : 'Knowledge at risk: none');
  for (const r of stats.atRisk) lines.push(`  ${escapeForTerminal(r.id)}: ${r.reasons.map(reasonText).join('; ')}`);
  return lines.join('\n');
}
