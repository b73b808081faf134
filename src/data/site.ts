// Runs at build time in the pages: the model handed over by the integration, with look-up tables built once.
import site from 'virtual:wiki/site';
import type { Community, WikiPage } from '../lib/content/model.ts';
import { assetHref, pageHref } from '../lib/content/paths.ts';

export const config = site.config;
export const model = site.model;
export const history = site.history;
export const pagesById: ReadonlyMap<string, WikiPage> = new Map(model.pages.map((p) => [p.id, p]));
export const communitiesBySlug: ReadonlyMap<string, Community> = new Map(model.communities.map((c) => [c.slug, c]));

export const hrefFor = (id: string) => pageHref(config.base, id);
export const assetUrl = (id: string) => assetHref(config.base, id);
export const homeHref = pageHref(config.base, '');

/** Pages of a community other than its home, for listings. */
export const pagesOf = (community: Community): WikiPage[] =>
  community.pageIds.map((id) => pagesById.get(id)).filter((p): p is WikiPage => p !== undefined && p.id !== community.slug);

/** The build's date (YYYY-MM-DD), against which review-by dates are checked; WIKI_TODAY pins it for tests. */
export const today = process.env.WIKI_TODAY ?? new Date().toISOString().slice(0, 10);
