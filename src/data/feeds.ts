// Runs at build time: Atom feeds of recent changes; absolute URLs when `site` is configured, site-relative otherwise.
import { atomFeed, type AtomEntry } from '../lib/attribution/atom.ts';
import type { RecentChange } from '../lib/attribution/recent.ts';
import { feedHref, revisionHref } from './attribution.ts';
import { config, hrefFor, today } from './site.ts';

const absolute = (href: string) => (config.site ? new URL(href, config.site).href : href);

function entryOf(change: RecentChange): AtomEntry {
  const { revision } = change;
  const link = absolute(revisionHref(change.pageId, revision.commit));
  return {
    // Stable per page and commit, whether or not the site's address is known.
    id: config.site ? link : `urn:cop-wiki:${revision.commit}:${encodeURIComponent(change.pageId)}`,
    title: `${change.title}: ${revision.message || 'changed'}`,
    updated: revision.date,
    link,
    authors: [revision.author, ...revision.coAuthors].map((p) => ({ name: p.name })),
    summary: `${revision.author.name} changed ${change.title} (+${revision.added} −${revision.removed})${revision.previousPath ? `, renamed from ${revision.previousPath}` : ''}.`,
  };
}

export function recentFeed(title: string, pagePath: string, feedName: string, changes: RecentChange[]): string {
  const link = absolute(hrefFor(pagePath));
  return atomFeed({
    id: config.site ? link : `urn:cop-wiki:feed:${encodeURIComponent(feedName)}`,
    title,
    link,
    self: absolute(feedHref(feedName)),
    updated: changes[0]?.revision.date ?? today,
    author: config.title,
    entries: changes.map(entryOf),
  });
}
