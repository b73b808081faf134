import { describe, expect, it } from 'vitest';
import { activeContributors, DEFAULT_THRESHOLDS, knowledgeAtRisk, lastContributions, pagesByFreshness } from '../../src/lib/attribution/health.ts';
import { monthlyContributions } from '../../src/lib/attribution/activity.ts';
import { recentChanges } from '../../src/lib/attribution/recent.ts';
import { ada, bot, grace, history, linus, record, rev } from '../helpers/history-fixtures.ts';

const today = '2026-11-22';
const a = rev(ada, '2025-12-01T10:00:00Z'); // 356 days before today
const g = rev(grace, '2026-10-01T10:00:00Z', { coAuthors: [linus] });
const g2 = rev(grace, '2026-11-20T10:00:00Z');
const b = rev(bot, '2026-11-21T10:00:00Z');
const solo = record('ops/solo', history([a], Array(10).fill(a.commit)));
const shared = record('ops/shared', history([b, g, a], [...Array(5).fill(a.commit), ...Array(5).fill(g.commit), b.commit]));
const fresh = record('ops/fresh', history([g2], [g2.commit]));
const pages = [solo, shared, fresh];

describe('community health', () => {
  it('lists people active in the window, co-authors too, bots never', () => {
    expect(activeContributors(pages, today, 90).map((p) => [p.name, p.commits])).toEqual([
      ['Grace Hopper', 2],
      ['Linus Torvalds', 1],
    ]);
  });

  it('orders pages from the stalest, counting from the last change by a person (the bot on ops/shared does not count)', () => {
    expect(pagesByFreshness(pages, today, 90).map((p) => [p.id, p.days, p.freshness, p.updated.commit])).toEqual([
      ['ops/solo', 356, 'aging', a.commit],
      ['ops/shared', 52, 'fresh', g.commit],
      ['ops/fresh', 2, 'fresh', g2.commit],
    ]);
  });

  it('shows pages marked outdated first and never fresh, however recent their last change', () => {
    expect(pagesByFreshness(pages, today, 90, new Set(['ops/fresh'])).map((p) => [p.id, p.freshness])).toEqual([
      ['ops/fresh', 'outdated'],
      ['ops/solo', 'aging'],
      ['ops/shared', 'fresh'],
    ]);
  });

  it('flags pages held by one inactive person, overdue or outdated', () => {
    const last = lastContributions(pages);
    expect(last.get('ada@example.org')).toBe(a.date);
    const risk = knowledgeAtRisk(
      [{ ...solo, reviewBy: '2027-01-01' }, { ...shared, reviewBy: '2026-01-01' }, { ...fresh, status: 'outdated' }, { id: 'ops/untracked' }],
      last, today, DEFAULT_THRESHOLDS,
    );
    expect(risk).toEqual([
      { id: 'ops/solo', reasons: [{ kind: 'single-holder', person: ada, share: 1, lastContribution: a.date, inactiveDays: 356 }] },
      { id: 'ops/fresh', reasons: [{ kind: 'outdated' }] },
      { id: 'ops/shared', reasons: [{ kind: 'review-overdue', reviewBy: '2026-01-01' }] },
    ]);
    // Raising the inactivity threshold past Ada's absence takes her page off the list.
    expect(knowledgeAtRisk([solo], last, today, { ...DEFAULT_THRESHOLDS, inactiveDays: 400 })).toEqual([]);
  });

  it('counts distinct commits per month, bots out, empty months kept', () => {
    const series = monthlyContributions(pages.flatMap((p) => p.history.revisions), today, 13);
    expect(series[0]).toEqual({ month: '2025-11', count: 0 });
    expect(series.filter((s) => s.count > 0)).toEqual([
      { month: '2025-12', count: 1 },
      { month: '2026-10', count: 1 },
      { month: '2026-11', count: 1 },
    ]);
    expect(series).toHaveLength(13);
  });

  it('lists recent changes newest first, bots included', () => {
    expect(recentChanges(pages, 3).map((c) => [c.pageId, c.revision.author.name])).toEqual([
      ['ops/shared', 'renovate[bot]'],
      ['ops/fresh', 'Grace Hopper'],
      ['ops/shared', 'Grace Hopper'],
    ]);
    expect(recentChanges(pages, 2, { hide: (r) => r.author.email === bot.email }).map((c) => [c.pageId, c.revision.author.name])).toEqual([
      ['ops/fresh', 'Grace Hopper'],
      ['ops/shared', 'Grace Hopper'],
    ]);
  });
});
