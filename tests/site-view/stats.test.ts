import { describe, expect, it } from 'vitest';
import { formatStats, wikiStats } from '../../src/lib/site-view/stats.ts';
import { wikiConfigSchema } from '../../src/lib/config/schema.ts';
import { buildSiteView } from '../../src/lib/site-view/site-view.ts';
import { ada, bot, grace, history, linus, rev } from '../helpers/history-fixtures.ts';

describe('wiki stats', () => {
  const a = rev(ada, '2025-12-01T10:00:00Z');
  const g = rev(grace, '2026-10-01T10:00:00Z', { coAuthors: [linus] });
  const b = rev(bot, '2026-11-21T10:00:00Z');
  const input = {
    communities: [{ slug: 'ops', name: 'Ops', pageIds: ['ops/solo', 'ops/shared'], stewards: [] }, { slug: 'research', name: 'Research', pageIds: ['research/new'], stewards: [] }],
    pages: [
      { id: 'ops/solo', community: 'ops', title: 'Solo' },
      { id: 'ops/shared', community: 'ops', title: 'Shared', status: 'outdated' as const },
      { id: 'research/new', community: 'research', title: 'New' },
    ],
    history: { head: 'abcdef1234', shallow: false, pages: { 'ops/solo': history([a], Array(4).fill(a.commit)), 'ops/shared': history([b, g, a], [a.commit, g.commit, b.commit]) } },
  };
  // The defaults are the health thresholds' defaults (share 0.8, 180 days inactive, 90 days active).
  const view = buildSiteView({ config: wikiConfigSchema.parse({}), model: input, history: input.history, today: '2026-11-22' });
  const stats = wikiStats(input, view, 3);

  it('counts communities, pages, people and commits, bots out', () => {
    expect(stats.pages).toBe(3);
    expect(stats.people).toBe(3);
    expect(stats.commits).toBe(2);
    expect(stats.communities.map((c) => [c.slug, c.pages, c.tracked, c.people, c.commits])).toEqual([['ops', 2, 2, 3, 2], ['research', 1, 0, 0, 0]]);
    expect(stats.months).toEqual([{ month: '2026-09', count: 0 }, { month: '2026-10', count: 1 }, { month: '2026-11', count: 0 }]);
    expect(stats.topPeople[0]).toEqual({ name: 'Ada Lovelace', email: 'ada@example.org', lines: 5, commits: 1 });
  });

  it('lists the pages at risk', () => {
    expect(stats.atRisk.map((r) => [r.id, r.reasons.map((x) => x.kind)])).toEqual([['ops/solo', ['single-holder']], ['ops/shared', ['outdated']]]);
  });

  it('prints a readable report', () => {
    const text = formatStats(stats);
    expect(text).toContain('3 pages, 2 communities, 3 people, 2 commits (as of 2026-11-22, HEAD abcdef1)');
    expect(text).toContain('  ops/solo: 100% by Ada Lovelace, inactive 356 days');
    expect(text).toContain('  2026-10    1    1         0');
  });
});
