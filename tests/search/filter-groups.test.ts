import { describe, expect, it } from 'vitest';
import { filterGroupHtml, filterGroups } from '../../src/lib/search/filter-groups.ts';
import type { SearchState } from '../../src/lib/search/query-state.ts';

const all = { community: { Ops: 5, Research: 3 }, type: { 'how-to': 2, 'lesson-learned': 1 }, tag: {} };
const state = (filters: SearchState['filters'] = {}): SearchState => ({ q: 'x', filters, sort: 'relevance' });

describe('the results page filter lists', () => {
  it('lists the groups the index has, values in alphabetical order with their result counts', () => {
    const groups = filterGroups(state(), all, { community: { Ops: 2 } }, { community: { Ops: 2, Research: 1 } });
    expect(groups.map((g) => g.key)).toEqual(['community', 'type']);
    expect(groups[0]!.options).toEqual([
      { value: 'Ops', label: 'Ops', count: 2, checked: false },
      { value: 'Research', label: 'Research', count: 0, checked: false },
    ]);
    expect(groups[1]!.options.map((o) => o.label)).toEqual(['how to', 'lesson learned']);
  });

  it('counts a ticked group without its own filter, since ticking another value adds results', () => {
    const [community] = filterGroups(state({ community: ['Ops'] }), all, { community: { Ops: 2 } }, { community: { Ops: 2, Research: 1 } });
    expect(community!.options).toEqual([
      { value: 'Ops', label: 'Ops', count: 2, checked: true },
      { value: 'Research', label: 'Research', count: 1, checked: false },
    ]);
  });

  it('folds away rare values but never a ticked one', () => {
    const people = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`P${String(i).padStart(2, '0')}`, 12 - i]));
    const [group] = filterGroups(state({ contributor: ['P11'] }), { contributor: people }, {}, {}, 4);
    expect(group!.options.map((o) => o.value)).toEqual(['P00', 'P01', 'P02', 'P11']);
    expect(group!.more).toHaveLength(8);
    const [small] = filterGroups(state(), { contributor: { A: 1, B: 1, C: 1 } }, {}, {}, 2);
    expect(small!.more).toEqual([]);
  });

  it('renders checkboxes named like the URL parameter, escaping the values', () => {
    const [group] = filterGroups(state(), { tag: { '<x>"': 1 } }, {}, {});
    expect(filterGroupHtml(group!)).toBe(
      '<fieldset class="filter-group" data-filter="tag"><legend>Tag</legend><label class="filter-option is-empty"><input type="checkbox" name="tag" value="&lt;x&gt;&quot;">' +
        '<span class="filter-label">&lt;x&gt;&quot;</span><span class="filter-count">0</span></label></fieldset>',
    );
  });
});
