// Runs anywhere (browser included): a search as URL parameters, so a results page can be shared.

export const FILTER_KEYS = ['community', 'tag', 'type', 'contributor'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type SortOrder = 'relevance' | 'updated';

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  sort: SortOrder;
}

export function parseSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).filter((v) => v.trim() !== ''))];
    if (values.length) filters[key] = values;
  }
  return { q: (params.get('q') ?? '').trim(), filters, sort: params.get('sort') === 'updated' ? 'updated' : 'relevance' };
}

/** Stable order (query, filters in FILTER_KEYS order, sort) so the same search always has the same URL. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params.toString();
}

export interface PagefindSearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** Within one filter the values are alternatives (any of them); different filters must all match. */
export function pagefindOptions(state: SearchState): PagefindSearchOptions {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    const values = state.filters[key];
    if (values?.length) filters[key] = { any: values };
  }
  return {
    ...(Object.keys(filters).length ? { filters } : {}),
    ...(state.sort === 'updated' ? { sort: { updated: 'desc' } } : {}),
  };
}

export const hasFilters = (state: SearchState) => FILTER_KEYS.some((k) => (state.filters[k]?.length ?? 0) > 0);
