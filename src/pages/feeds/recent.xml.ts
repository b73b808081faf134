// Runs at build time: the site-wide Atom feed of recent changes.
import { recentFeed } from '../../data/feeds.ts';
import { recentSiteChanges } from '../../data/attribution.ts';
import { siteTitle } from '../../data/site.ts';

export function GET(): Response {
  const xml = recentFeed(`${siteTitle}: recent changes`, 'recent', 'recent', recentSiteChanges(50));
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
