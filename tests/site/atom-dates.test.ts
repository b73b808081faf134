import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/lib/site/atom.ts';

describe('Atom feed dates', () => {
  it('writes a date no calendar can show as the epoch instead of failing the feed', () => {
    const feed = atomFeed({
      id: 'urn:x',
      title: 'T',
      link: 'https://x/',
      self: 'https://x/feed.xml',
      updated: '+275760-09-14T00:00:00+99:99',
      author: 'Wiki',
      entries: [
        { id: 'urn:a', title: 'A', updated: 'not a date', link: 'https://x/a/', authors: [] },
        { id: 'urn:b', title: 'B', updated: '2024-01-02T10:00:00+01:00', link: 'https://x/b/', authors: [] },
      ],
    });
    expect(feed.match(/<updated>[^<]*<\/updated>/g)).toEqual([
      '<updated>1970-01-01T00:00:00Z</updated>',
      '<updated>1970-01-01T00:00:00Z</updated>',
      '<updated>2024-01-02T09:00:00Z</updated>',
    ]);
  });
});
