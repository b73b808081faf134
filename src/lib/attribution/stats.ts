// Runs anywhere: the numbers behind `wiki stats`: communities, pages, people, contributions over time, knowledge at risk.
import type { PageHistory } from '../history/types.ts';
import { escaped, escapeForTerminal } from '../terminal-text.ts';
import { monthlyContributions, type MonthCount } from './activity.ts';
import { knowledgeAtRisk, lastContributions, type HealthThresholds, type RiskReason } from './health.ts';
import { pageRecordsOf } from './page-record.ts';
import { summarizePeople } from './people.ts';

export interface StatsInput {
  communities: readonly { slug: string; name: string; pageIds: readonly string[] }[];
  pages: readonly { id: string; community: string; title: string; status?: string; reviewBy?: string }[];
  history: { head: string | null; shallow: boolean; pages: Readonly<Record<string, PageHistory>> };
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

export function wikiStats(input: StatsInput, today: string, thresholds: HealthThresholds, months = 12): WikiStats {
  const records = pageRecordsOf(input.pages, input.history.pages);
  const people = summarizePeople(records);
  const distinctCommits = (ids: ReadonlySet<string>) => {
    const commits = new Set<string>();
    const authors = new Set<string>();
    for (const r of records) {
      if (!ids.has(r.id)) continue;
      for (const rev of r.history.revisions) {
        if (rev.bot) continue;
        commits.add(rev.commit);
        authors.add(rev.author.email);
        for (const co of rev.coAuthors) authors.add(co.email);
      }
    }
    return { commits: commits.size, people: authors.size, revisions: records.filter((r) => ids.has(r.id)).flatMap((r) => r.history.revisions) };
  };
  const communities = input.communities.map((c) => {
    const ids = new Set(c.pageIds);
    const { commits, people: count, revisions } = distinctCommits(ids);
    return { slug: c.slug, name: c.name, pages: c.pageIds.length, tracked: records.filter((r) => ids.has(r.id)).length, people: count, commits, months: monthlyContributions(revisions, today, months) };
  });
  const all = distinctCommits(new Set(input.pages.map((p) => p.id)));
  const byId = new Map(input.pages.map((p) => [p.id, p]));
  const atRisk = knowledgeAtRisk(
    input.pages.map((p) => ({ id: p.id, ...(p.status ? { status: p.status } : {}), ...(p.reviewBy ? { reviewBy: p.reviewBy } : {}), ...(input.history.pages[p.id] ? { history: input.history.pages[p.id] } : {}) })),
    lastContributions(records),
    today,
    thresholds,
  ).map((r) => ({ id: r.id, title: byId.get(r.id)?.title ?? r.id, community: byId.get(r.id)?.community ?? '', reasons: r.reasons }));
  return {
    head: input.history.head,
    shallow: input.history.shallow,
    today,
    communities,
    pages: input.pages.length,
    people: people.length,
    commits: all.commits,
    months: monthlyContributions(all.revisions, today, months),
    topPeople: people.slice(0, 10).map((p) => ({ name: p.name, email: p.email, lines: p.lines, commits: p.commits })),
    atRisk,
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
