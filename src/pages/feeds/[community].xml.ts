// Runs at build time: one Atom feed of recent changes per community.
import type { APIContext } from 'astro';
import { recentFeed } from '../../data/feeds.ts';
import { recentCommunityChanges } from '../../data/attribution.ts';
import { model, siteTitle } from '../../data/site.ts';
import type { Community } from '../../lib/content/types.ts';

export function getStaticPaths() {
  return model.communities.map((community) => ({ params: { community: community.slug }, props: { community } }));
}

export function GET({ props }: APIContext): Response {
  const { community } = props as { community: Community };
  const xml = recentFeed(`${community.name} · ${siteTitle}: recent changes`, community.slug, community.slug, recentCommunityChanges(community, 50));
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
