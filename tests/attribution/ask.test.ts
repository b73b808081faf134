import { describe, expect, it } from 'vitest';
import { askThesePeople } from '../../src/lib/attribution/ask.ts';
import { ada, bot, grace, history, linus, record, rev } from '../helpers/history-fixtures.ts';

describe('ask these people', () => {
  const today = '2026-11-22';
  // Ada: 10 lines written exactly two years ago; Grace: 4 lines written today, with Linus as co-author.
  const a = rev(ada, '2024-11-22T12:00:00Z');
  const g = rev(grace, '2026-11-22T08:00:00Z', { coAuthors: [linus] });
  const b = rev(bot, '2026-11-22T09:00:00Z');
  const lines = [...Array(10).fill(a.commit), ...Array(4).fill(g.commit), ...Array(5).fill(b.commit)];
  const page = record('ops/p', history([b, g, a], lines));

  it('weights recent lines above old ones, credits co-authors at half, leaves bots out', () => {
    const ranked = askThesePeople([page], today);
    // Ada: 10 × 0.25 + 2 × 0.25 = 3.  Grace: 4 × 1 + 2 × 1 = 6.  Linus: 4 × 1 × 0.5 = 2.
    expect(ranked.map((c) => [c.name, Math.round(c.score * 1000) / 1000, c.lines])).toEqual([
      ['Grace Hopper', 6, 4],
      ['Ada Lovelace', 3, 10],
      ['Linus Torvalds', 2, 0],
    ]);
  });

  it('adds up a community and keeps the top few', () => {
    const other = record('ops/q', history([rev(ada, '2026-11-01T00:00:00Z', { commit: 'f'.repeat(40) })], Array(20).fill('f'.repeat(40))));
    const ranked = askThesePeople([page, other], today, { limit: 2 });
    expect(ranked.map((c) => c.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(ranked[0]!.lines).toBe(30);
  });
});
