import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/lib/site/chart.ts';
import { atomFeed, escapeXml } from '../../src/lib/site/atom.ts';
import { communityRecentPathOf, historyPathOf, paginate, paginatedPath } from '../../src/lib/site/routes.ts';

describe('the contributions chart', () => {
  it('scales bars to the busiest month and labels years', () => {
    const chart = barChart([
      { month: '2025-11', count: 2 },
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 4 },
      { month: '2026-02', count: 1 },
    ], 400, 120, 20);
    expect(chart.baseline).toBe(100);
    expect(chart.bars.map((b) => [b.x, b.y, b.width, b.height])).toEqual([[1, 57, 98, 43], [101, 99, 98, 1], [201, 14, 98, 86], [301, 78.5, 98, 21.5]]);
    expect(chart.labels).toEqual([{ x: 1, text: 'Nov 2025' }, { x: 201, text: '2026' }]);
    expect(chart.summary).toBe('7 contributions from Nov 2025 to Feb 2026, at most 4 in a month.');
  });
});

describe('Atom feeds', () => {
  it('escapes commit text and carries ids, dates and authors', () => {
    const xml = atomFeed({
      id: 'https://wiki.example.org/recent/',
      title: 'Recent <changes>',
      link: 'https://wiki.example.org/recent/',
      self: 'https://wiki.example.org/feeds/recent.xml',
      updated: '2026-11-20T10:00:00+02:00',
      author: 'The wiki',
      entries: [{ id: 'urn:x', title: 'Fix "quotes" & <tags>\u0007', updated: '2026-11-20T10:00:00+02:00', link: '/ops/p/history/', authors: [{ name: 'Ada & co' }] }],
    });
    expect(xml).toContain('<title>Recent &lt;changes&gt;</title>');
    expect(xml).toContain('<updated>2026-11-20T08:00:00Z</updated>');
    expect(xml).toContain('<title>Fix &quot;quotes&quot; &amp; &lt;tags&gt;</title>');
    expect(xml).toContain('<author><name>Ada &amp; co</name></author>');
    expect(escapeXml("it's")).toBe('it&apos;s');
  });
});

describe('history routes', () => {
  const ids = new Set(['ops', 'ops/history', 'ops/deploy', 'ops/recent/notes', 'research']);
  it('steps aside from pages that own the plain path', () => {
    expect(historyPathOf('ops/deploy', ids)).toBe('ops/deploy/history');
    expect(historyPathOf('ops', ids)).toBe('ops/_/history');
    expect(communityRecentPathOf('ops', ids)).toBeUndefined();
    expect(communityRecentPathOf('research', ids)).toBe('research/recent');
  });

  it('paginates', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 2)).toEqual([[]]);
    expect(paginatedPath('ops/p/history', 1)).toBe('ops/p/history');
    expect(paginatedPath('ops/p/history', 3)).toBe('ops/p/history/3');
  });
});

describe('Atom feeds parse as XML', () => {
  it('is well-formed with an id, updated and author per entry', async () => {
    const { XMLParser, XMLValidator } = await import('fast-xml-parser');
    const xml = atomFeed({
      id: 'urn:wiki:recent', title: 'Wiki', link: '/recent/', self: '/feeds/recent.xml', updated: '2026-11-20T10:00:00Z', author: 'Wiki',
      entries: [
        { id: 'urn:wiki:a', title: 'A <b>', updated: '2026-11-20T10:00:00Z', link: '/a/', authors: [{ name: 'Ada' }], summary: 'x & y' },
        { id: 'urn:wiki:b', title: 'B', updated: '2026-11-19T10:00:00Z', link: '/b/', authors: [{ name: 'Grace' }] },
      ],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.entry.map((e: { id: string; updated: string; author: { name: string } }) => [e.id, e.updated, e.author.name])).toEqual([
      ['urn:wiki:a', '2026-11-20T10:00:00Z', 'Ada'],
      ['urn:wiki:b', '2026-11-19T10:00:00Z', 'Grace'],
    ]);
  });
});
