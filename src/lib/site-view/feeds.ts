// Runs anywhere: the Atom feeds of recent changes; absolute URLs when `site` is configured, site-relative otherwise.
import type { AtomEntry, AtomFeed } from '../site/atom.ts';
import type { RecentChange } from '../attribution/recent.ts';

export interface FeedContext {
  /** The site's address (config `site`), when known. */
  site?: string | undefined;
  /** The wiki's title, the feeds' author. */
  author: string;
  today: string;
  hrefFor(path: string): string;
  feedHref(name: string): string;
  revisionHref(pageId: string, commit: string): string;
}

export function feedOf(context: FeedContext, title: string, pagePath: string, feedName: string, changes: readonly RecentChange[]): AtomFeed {
  const absolute = (href: string) => (context.site ? new URL(href, context.site).href : href);
  const entryOf = ({ pageId, title: pageTitle, revision }: RecentChange): AtomEntry => {
    const link = absolute(context.revisionHref(pageId, revision.commit));
    return {
      // Stable per page and commit, whether or not the site's address is known.
      id: context.site ? link : `urn:cop-wiki:${revision.commit}:${encodeURIComponent(pageId)}`,
      title: `${pageTitle}: ${revision.message || 'changed'}`,
      updated: revision.date,
      link,
      authors: [revision.author, ...revision.coAuthors].map((p) => ({ name: p.name })),
      summary: `${revision.author.name} changed ${pageTitle} (+${revision.added} −${revision.removed})${revision.previousPath ? `, renamed from ${revision.previousPath}` : ''}${revision.copiedFrom ? `, copied from ${revision.copiedFrom}` : ''}.`,
    };
  };
  const link = absolute(context.hrefFor(pagePath));
  return {
    id: context.site ? link : `urn:cop-wiki:feed:${encodeURIComponent(feedName)}`,
    title,
    link,
    self: absolute(context.feedHref(feedName)),
    updated: changes[0]?.revision.date ?? context.today,
    author: context.author,
    entries: changes.map(entryOf),
  };
}
