import { describe, expect, it } from 'vitest';
import { sectionCredits, sourceHeadings } from '../../src/lib/attribution/sections.ts';
import { ada, bot, grace, history, linus, rev } from '../helpers/history-fixtures.ts';

const source = [
  '---', // 1
  'title: Backups', // 2
  '---', // 3
  'Intro line by Ada.', // 4
  '', // 5
  '## Nightly', // 6
  'Grace wrote this.', // 7
  'And this.', // 8
  '', // 9
  '### Details', // 10
  'Ada added a detail.', // 11
  '', // 12
  '## Restore', // 13
  'Linus and a bot.', // 14
  'Bot line.', // 15
].join('\n') + '\n';

describe('section attribution', () => {
  it('finds headings with their file lines, front matter counted, and GitHub slugs', () => {
    expect(sourceHeadings(source, 'md')).toEqual([
      { depth: 2, text: 'Nightly', slug: 'nightly', line: 6 },
      { depth: 3, text: 'Details', slug: 'details', line: 10 },
      { depth: 2, text: 'Restore', slug: 'restore', line: 13 },
    ]);
    expect(sourceHeadings('# A\n\n# A\n', 'md').map((h) => h.slug)).toEqual(['a', 'a-1']);
  });

  it('credits each section to the people who wrote its lines, sub-sections included', () => {
    const a = rev(ada, '2025-01-01T10:00:00Z');
    const g = rev(grace, '2025-06-01T10:00:00Z', { coAuthors: [linus] });
    const l = rev(linus, '2026-01-01T10:00:00Z');
    const b = rev(bot, '2026-02-01T10:00:00Z');
    const lineCommits = [a, a, a, a, a, g, g, g, g, a, a, a, l, l, b].map((r) => r.commit);
    const credits = sectionCredits(source, 'md', history([b, l, g, a], lineCommits));
    expect(credits.map((c) => [c.slug, c.startLine, c.endLine, c.authors.map((x) => [x.name, x.lines, x.share, x.coAuthoredLines])])).toEqual([
      ['nightly', 6, 12, [['Grace Hopper', 3, 0.6, 0], ['Ada Lovelace', 2, 0.4, 0], ['Linus Torvalds', 0, 0, 3]]],
      ['details', 10, 12, [['Ada Lovelace', 2, 1, 0]]],
      ['restore', 13, 15, [['Linus Torvalds', 2, 1, 0]]],
    ]);
    // The bot's line makes the section's latest change, but gives the bot no credit.
    expect(credits[2]!.updated?.commit).toBe(b.commit);
  });

  it('stays silent when the file no longer matches HEAD', () => {
    const a = rev(ada, '2025-01-01T10:00:00Z');
    const g = rev(grace, '2025-02-01T10:00:00Z');
    const lineCommits = [...Array(10).fill(a.commit), ...Array(5).fill(g.commit)];
    expect(sectionCredits(source, 'md', history([g, a], lineCommits))).not.toEqual([]);
    expect(sectionCredits(source + 'An uncommitted line.\n', 'md', history([g, a], lineCommits))).toEqual([]);
  });

  it('stays silent on a page with one author', () => {
    const a = rev(ada, '2025-01-01T10:00:00Z');
    const b = rev(bot, '2025-02-01T10:00:00Z');
    expect(sectionCredits(source, 'md', history([b, a], Array(15).fill(a.commit).map((c, i) => (i === 14 ? b.commit : c))))).toEqual([]);
  });
});
