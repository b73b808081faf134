// Runs anywhere (browser included): the results page's filter lists, from Pagefind's counts and the current search.
import { FILTER_KEYS, type FilterKey, type SearchState } from './query-state.ts';
import { escapeHtml } from './result-view.ts';

export type FilterCounts = Record<string, Record<string, number>>;

export interface FilterOption {
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

export interface FilterGroup {
  key: FilterKey;
  label: string;
  /** Shown at once: the checked values and the commonest others. */
  options: FilterOption[];
  /** The rest, folded away. */
  more: FilterOption[];
}

const FILTER_LABELS: Record<FilterKey, string> = { community: 'Community', tag: 'Tag', type: 'Page type', contributor: 'Contributor' };

const label = (key: FilterKey, value: string) => (key === 'type' ? value.replace(/-/g, ' ') : value);

/**
 * `all` is every value in the index with its page count; `filtered` and `unfiltered` are Pagefind's
 * `filters` and `totalFilters` for the current search. A group with a ticked value shows the counts
 * without its own filter (its values are alternatives: ticking another adds results); the others,
 * the counts under the current selection. The values shown at once are the ticked ones and the
 * commonest in the wiki (a stable choice, so boxes do not move while the reader types), in
 * alphabetical order; the rest are folded away.
 */
export function filterGroups(state: SearchState, all: FilterCounts, filtered: FilterCounts, unfiltered: FilterCounts, visible = 8): FilterGroup[] {
  const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label);
  return FILTER_KEYS.filter((key) => Object.keys(all[key] ?? {}).length > 0).map((key) => {
    const chosen = state.filters[key] ?? [];
    const counts = chosen.length ? (unfiltered[key] ?? {}) : (filtered[key] ?? {});
    const everywhere = all[key] ?? {};
    const ranked = Object.keys(everywhere)
      .map((value) => ({ value, label: label(key, value), count: counts[value] ?? 0, checked: chosen.includes(value) }))
      .sort((a, b) => Number(b.checked) - Number(a.checked) || (everywhere[b.value] ?? 0) - (everywhere[a.value] ?? 0) || byLabel(a, b));
    // Folding away a single value saves nothing.
    const shown = ranked.length <= visible + 1 ? ranked.length : Math.max(visible, chosen.length);
    return { key, label: FILTER_LABELS[key], options: ranked.slice(0, shown).sort(byLabel), more: ranked.slice(shown).sort(byLabel) };
  });
}

const optionHtml = (key: FilterKey, o: FilterOption): string =>
  `<label class="filter-option${o.count === 0 && !o.checked ? ' is-empty' : ''}"><input type="checkbox" name="${key}" value="${escapeHtml(o.value)}"${o.checked ? ' checked' : ''}>` +
  `<span class="filter-label">${escapeHtml(o.label)}</span><span class="filter-count">${o.count}</span></label>`;

/** A group as a fieldset of checkboxes named like the URL parameter, the folded values in a <details>. */
export function filterGroupHtml(group: FilterGroup): string {
  const more = group.more.length
    ? `<details class="filter-more"><summary>${group.more.length} more</summary>${group.more.map((o) => optionHtml(group.key, o)).join('')}</details>`
    : '';
  return `<fieldset class="filter-group" data-filter="${group.key}"><legend>${escapeHtml(group.label)}</legend>${group.options.map((o) => optionHtml(group.key, o)).join('')}${more}</fieldset>`;
}
