import { describe, expect, it } from 'vitest';
import { pagefindOptions, parseSearchState, serializeSearchState } from '../../src/lib/search/query-state.ts';

describe('search state in the URL', () => {
  it('reads query, repeated filters and sort, ignoring empty and unknown parameters', () => {
    const state = parseSearchState(new URLSearchParams('q=+postgres+index+&community=Platform%20engineering&tag=postgres&tag=backups&tag=&sort=updated&page=2'));
    expect(state).toEqual({ q: 'postgres index', filters: { community: ['Platform engineering'], tag: ['postgres', 'backups'] }, sort: 'updated' });
    expect(parseSearchState(new URLSearchParams('sort=oldest')).sort).toBe('relevance');
  });

  it('writes the same URL for the same search whatever the order it was built in', () => {
    const a = serializeSearchState({ q: 'x', filters: { tag: ['a'], community: ['C D'] }, sort: 'relevance' });
    const b = serializeSearchState({ q: 'x', filters: { community: ['C D'], tag: ['a'] }, sort: 'relevance' });
    expect(a).toBe('q=x&community=C+D&tag=a');
    expect(b).toBe(a);
    expect(serializeSearchState(parseSearchState(new URLSearchParams(a)))).toBe(a);
  });

  it('turns alternatives within a filter into "any" and the sort into Pagefind options', () => {
    expect(pagefindOptions({ q: 'x', filters: { tag: ['a', 'b'], contributor: ['Ada'] }, sort: 'updated' })).toEqual({
      filters: { tag: { any: ['a', 'b'] }, contributor: { any: ['Ada'] } },
      sort: { updated: 'desc' },
    });
    expect(pagefindOptions({ q: 'x', filters: {}, sort: 'relevance' })).toEqual({});
  });
});
