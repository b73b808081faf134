import { describe, expect, it } from 'vitest';
import { summarizePeople } from '../../src/lib/attribution/people.ts';
import { ada, bot, grace, history, linus, record, rev } from '../helpers/history-fixtures.ts';

describe('people across pages', () => {
  const a1 = rev(ada, '2025-01-10T10:00:00Z', { added: 10 });
  const g1 = rev(grace, '2025-03-05T10:00:00Z', { added: 4, removed: 2, coAuthors: [linus] });
  const b1 = rev(bot, '2025-04-01T10:00:00Z');
  const g2 = rev(grace, '2025-03-20T10:00:00Z', { added: 6 });
  const a2 = rev({ name: 'Ada L.', email: 'ada@example.org' }, '2025-05-01T10:00:00Z', { added: 1, removed: 1 });
  const pages = [
    record('ops/backups', history([b1, g1, a1], [a1.commit, a1.commit, a1.commit, g1.commit, b1.commit])),
    record('research/interviews', history([a2, g2], [g2.commit, g2.commit, a2.commit])),
  ];
  const people = summarizePeople(pages);

  it('ranks people by surviving lines and leaves bots out', () => {
    expect(people.map((p) => [p.name, p.email, p.lines, p.commits, p.coAuthored])).toEqual([
      ['Ada L.', 'ada@example.org', 4, 2, 0],
      ['Grace Hopper', 'grace@example.org', 3, 2, 0],
      ['Linus Torvalds', 'linus@example.org', 0, 1, 1],
    ]);
  });

  it('knows pages created and edited, communities, first and last contribution, months', () => {
    const adaSummary = people[0]!;
    expect(adaSummary.pagesCreated).toEqual(['ops/backups']);
    expect(adaSummary.pagesEdited).toEqual(['research/interviews']);
    expect(adaSummary.communities).toEqual([{ slug: 'ops', edits: 1, lines: 3 }, { slug: 'research', edits: 1, lines: 1 }]);
    expect(adaSummary.first.commit).toBe(a1.commit);
    expect(adaSummary.last.commit).toBe(a2.commit);
    expect(adaSummary.months).toEqual({ '2025-01': 1, '2025-05': 1 });
    expect(adaSummary.added).toBe(11);
    const graceSummary = people[1]!;
    expect(graceSummary.pagesCreated).toEqual(['research/interviews']);
    expect(graceSummary.pagesEdited).toEqual(['ops/backups']);
    expect(graceSummary.months).toEqual({ '2025-03': 2 });
  });

  it('gives people with one name distinct slugs, the earlier contributor keeping the plain one', () => {
    const x = rev({ name: 'Sam Lee', email: 'sam2@example.org' }, '2025-02-01T00:00:00Z');
    const y = rev({ name: 'Sam Lee', email: 'sam1@example.org' }, '2025-03-01T00:00:00Z');
    const z = rev({ name: '!!!', email: 'x.y@example.org' }, '2025-03-01T00:00:00Z');
    const slugs = summarizePeople([record('a/p', history([z, y, x], []))]).map((p) => [p.email, p.slug]);
    expect(slugs).toEqual(expect.arrayContaining([['sam2@example.org', 'sam-lee'], ['sam1@example.org', 'sam-lee-2'], ['x.y@example.org', 'xy']]));
  });
});
