// "Ask these people" puts people still contributing first: where "comparable knowledge" ends (a factor of two), on hand-made histories with exact scores.
import { describe, expect, it } from 'vitest';
import { askThesePeople, COMPARABLE_FACTOR } from '../../src/lib/attribution/ask.ts';
import { ada, grace, history, record, rev } from '../helpers/history-fixtures.ts';

const today = '2026-11-22';
// Ada wrote `lines` lines exactly two years ago (decay ¼): score (lines + 2) / 4. Grace wrote one line today: score 1 + 2 = 3.
function page(adaLines: number) {
  const a = rev(ada, '2024-11-22T12:00:00Z');
  const g = rev(grace, '2026-11-22T08:00:00Z');
  return record('ops/p', history([g, a], [...Array(adaLines).fill(a.commit), g.commit]));
}
const options = { inactiveDays: 180 };
const order = (adaLines: number) => askThesePeople([page(adaLines)], today, options).map((c) => [c.name, c.score, c.active]);

describe('ask these people: active people first', () => {
  it('ranks an inactive expert with more lines below an active person of comparable knowledge, and marks them', () => {
    // Ada 3.5 against Grace 3: Ada knows more, but not twice as much.
    expect(order(12)).toEqual([['Grace Hopper', 3, true], ['Ada Lovelace', 3.5, false]]);
    const ranked = askThesePeople([page(12)], today, options);
    expect(ranked[1]!.lines).toBe(12);
    expect(ranked[1]!.lastAnywhere).toBe('2024-11-22T12:00:00Z');
  });

  it('keeps the active person first at exactly twice the score, and lets the inactive one above just past it', () => {
    expect(COMPARABLE_FACTOR).toBe(2);
    expect(order(22)).toEqual([['Grace Hopper', 3, true], ['Ada Lovelace', 6, false]]);
    expect(order(23)).toEqual([['Ada Lovelace', 6.25, false], ['Grace Hopper', 3, true]]);
  });

  it('lists an inactive person with far more knowledge first, still marked as maybe gone', () => {
    expect(order(100)).toEqual([['Ada Lovelace', 25.5, false], ['Grace Hopper', 3, true]]);
  });

  it('judges activity by the whole wiki: a contribution elsewhere keeps a person active', () => {
    const elsewhere = new Map([['ada@example.org', '2026-11-01T00:00:00Z']]);
    const ranked = askThesePeople([page(12)], today, { ...options, lastContribution: elsewhere });
    expect(ranked.map((c) => [c.name, c.active, c.lastAnywhere])).toEqual([
      ['Ada Lovelace', true, '2026-11-01T00:00:00Z'],
      ['Grace Hopper', true, '2026-11-22T08:00:00Z'],
    ]);
  });

  it("judges activity by a person's newest revision of the pages, not their first", () => {
    const old = rev(ada, '2024-11-22T12:00:00Z');
    const recent = rev(ada, '2026-11-01T12:00:00Z');
    const ranked = askThesePeople([record('ops/p', history([recent, old], [old.commit, recent.commit]))], today, options);
    expect(ranked.map((c) => [c.name, c.active, c.lastAnywhere])).toEqual([['Ada Lovelace', true, '2026-11-01T12:00:00Z']]);
  });

  it('counts someone whose last contribution is exactly inactiveDays old as inactive, as the health page does', () => {
    const ranked = askThesePeople([page(12)], today, { inactiveDays: 730 });
    expect(ranked.find((c) => c.name === 'Ada Lovelace')!.active).toBe(false);
    expect(askThesePeople([page(12)], today, { inactiveDays: 731 }).find((c) => c.name === 'Ada Lovelace')!.active).toBe(true);
  });
});
