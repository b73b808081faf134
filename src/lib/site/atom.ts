// Runs anywhere: an Atom 1.0 feed as text (@astrojs/rss writes RSS 2.0 only; Atom carries authors and updated dates per entry).

export interface AtomEntry {
  id: string;
  title: string;
  /** ISO 8601 date-time. */
  updated: string;
  link: string;
  authors: { name: string }[];
  summary?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** Link of the HTML page the feed mirrors. */
  link: string;
  /** The feed's own URL. */
  self: string;
  /** Newest entry's date, or the build's date when there are none. */
  updated: string;
  /** Stands in for entries' authors where Atom needs one: the wiki's name. */
  author: string;
  entries: AtomEntry[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// XML 1.0 forbids most control characters even escaped; commit messages can carry them.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const escapeXml = (text: string): string => text.replace(INVALID, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * RFC 3339 in UTC, as Atom readers parse most reliably. A date no calendar can show (the history engine
 * already replaces those, with a warning) is written as the epoch rather than failing the whole feed.
 */
const rfc3339 = (iso: string) => {
  const time = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(time) ? '1970-01-01T00:00:00Z' : new Date(time).toISOString().replace('.000Z', 'Z');
};

export function atomFeed(feed: AtomFeed): string {
  const entry = (e: AtomEntry) =>
    [
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <updated>${rfc3339(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      ...e.authors.map((a) => `    <author><name>${escapeXml(a.name)}</name></author>`),
      ...(e.summary ? [`    <summary>${escapeXml(e.summary)}</summary>`] : []),
      '  </entry>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${rfc3339(feed.updated)}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.link)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    // Atom requires an author for entries without one; the wiki itself stands in.
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    `  <generator>cop-wiki</generator>`,
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
