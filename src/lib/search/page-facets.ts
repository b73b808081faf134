// Runs anywhere: what a page tells the search index about itself (filters, result metadata, sort keys).
import { humanUpdate } from '../attribution/human-update.ts';
import type { Community, WikiPage } from '../content/types.ts';
import type { PageHistory } from '../history/types.ts';

export interface SearchFacets {
  /** data-pagefind-filter: what the results page can narrow by. */
  filters: Record<string, string[]>;
  /** data-pagefind-meta: what a result shows besides its excerpt. */
  meta: Record<string, string>;
  /** data-pagefind-sort: what results can be ordered by. */
  sort: Record<string, string>;
}

/** The part of a page's history search needs. */
type DatedRevision = Pick<PageHistory['updated'], 'date' | 'bot'>;
/** `revisions` (newest first) lets "updated" skip bots' commits, as the byline does. */
export type SearchHistory = Pick<PageHistory, 'contributors'> & { updated: DatedRevision; revisions?: readonly DatedRevision[] };

/** The site's history as the build hands it over: `head` null and no pages without a repository. */
export interface SiteSearchHistory {
  head: string | null;
  pages: Record<string, SearchHistory>;
}

const NO_HISTORY: SiteSearchHistory = { head: null, pages: {} };

/**
 * With history, every page gets the `updated` sort key: Pagefind drops pages without it from sorted
 * results (Pagefind issue #259), so a page the history does not know yet (not committed) sorts last.
 * Without history there is no date sort, and no sort key: it would cost every reader ~24 KB of index
 * metadata at 10,000 pages for an order that means nothing.
 */
export const UNDATED = '0000-00-00';

/** The ISO date (YYYY-MM-DD) of an ISO timestamp, so dates sort as text whatever their offset. */
export const dayOf = (iso: string): string => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : UNDATED);

/** Contributor names, once each (two identities may share a display name), in the history's rank order. */
const contributorNames = (history: SearchHistory | undefined): string[] => [
  ...new Set((history?.contributors ?? []).map((c) => c.name.trim()).filter(Boolean)),
];

export function pageFacets(page: WikiPage, community: Community, site: SiteSearchHistory = NO_HISTORY): SearchFacets {
  const history = site.pages[page.id];
  const contributors = contributorNames(history);
  const updated = history ? dayOf(humanUpdate(history).date) : UNDATED;
  const tags = [...new Set(page.tags)];
  return {
    filters: {
      community: [community.name],
      ...(tags.length ? { tag: tags } : {}),
      ...(page.type ? { type: [page.type] } : {}),
      ...(contributors.length ? { contributor: contributors } : {}),
    },
    meta: { title: page.listTitle, community: community.name, ...(updated !== UNDATED ? { updated } : {}) },
    sort: site.head !== null ? { updated } : {},
  };
}

/** A community home is found by the community's name, with its home page's tags and history when it has one. */
export function communityFacets(community: Community, home?: WikiPage, site: SiteSearchHistory = NO_HISTORY): SearchFacets {
  if (home) return pageFacets({ ...home, title: community.name, listTitle: community.name }, community, site);
  return {
    filters: { community: [community.name] },
    meta: { title: community.name, community: community.name },
    sort: site.head !== null ? { updated: UNDATED } : {},
  };
}

export interface FacetAttribute {
  /** `data-pagefind-filter`, `data-pagefind-meta` or `data-pagefind-sort`. */
  attribute: string;
  /** `name[content]`: Pagefind reads the value from the element's content attribute. */
  value: string;
  content: string;
}

/** The facets as attributes of `<meta>` elements, which Pagefind reads wherever they are in the page. */
export function facetAttributes(facets: SearchFacets): FacetAttribute[] {
  const of = (kind: string, entries: Record<string, string | string[]>) =>
    Object.entries(entries).flatMap(([key, values]) =>
      (Array.isArray(values) ? values : [values]).map((content) => ({ attribute: `data-pagefind-${kind}`, value: `${key}[content]`, content })),
    );
  return [...of('filter', facets.filters), ...of('meta', facets.meta), ...of('sort', facets.sort)];
}
