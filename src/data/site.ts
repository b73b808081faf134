// Runs at build time in the pages: the model handed over by the integration, with look-up tables built once, and the site view made from it.
import site from 'virtual:wiki/site';
import type { ContentFolder } from '../lib/content/folders.ts';
import type { Community, WikiPage } from '../lib/content/types.ts';
import { buildSiteView } from '../lib/site-view/site-view.ts';
import { communityNavigation, type CommunityNavigation } from '../lib/site/sidebar.ts';

export const config = site.config;
export const model = site.model;
export const history = site.history;
/** The build's date (YYYY-MM-DD), resolved by the integration. */
export const today = site.today;
export const pagesById: ReadonlyMap<string, WikiPage> = new Map(model.pages.map((p) => [p.id, p]));
export const communitiesBySlug: ReadonlyMap<string, Community> = new Map(model.communities.map((c) => [c.slug, c]));
/** Every folder of pages by id (its URL path); those without a page there get a listing page. */
export const foldersById: ReadonlyMap<string, ContentFolder> = new Map(model.folders.map((f) => [f.id, f]));

/** Built once per build, when the first page is rendered. */
export const view = buildSiteView(site);

export const hrefFor = view.hrefFor;
/** The site's title, resolved by the view (config, else the front page's heading). */
export const siteTitle = view.title;
/** The README.md or index.md at the content root, which the home page shows; undefined without one. */
export const frontPage: WikiPage | undefined = view.frontPageId ? pagesById.get(view.frontPageId) : undefined;
/** Where lists link a page: the front page is read at "/" (its community home only links there). */
export const pageLinkFor = (id: string): string => (id === view.frontPageId ? homeHref : hrefFor(id));
export const homeHref = hrefFor('');

/** Pages of a community other than its home, for listings. */
export const pagesOf = (community: Community): WikiPage[] =>
  community.pageIds.map((id) => pagesById.get(id)).filter((p): p is WikiPage => p !== undefined && p.id !== community.slug);

const navigations = new Map<string, CommunityNavigation>();
/** A community's page tree for the sidebars, built once per community per build; each page slices its neighbourhood. */
export const navigationOf = (community: Community): CommunityNavigation => {
  let found = navigations.get(community.slug);
  if (!found) navigations.set(community.slug, (found = communityNavigation(community, pagesById, config.base)));
  return found;
};
