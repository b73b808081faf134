// Runs in the browser: the results page; query, filters and sort live in the URL so a search can be shared.
import { filterGroupHtml, filterGroups, type FilterCounts } from '../lib/search/filter-groups.ts';
import { FILTER_KEYS, hasFilters, pagefindOptions, parseSearchState, serializeSearchState, type FilterKey, type SearchState } from '../lib/search/query-state.ts';
import { newestFirst, plural, resultHtml, type ResultData } from '../lib/search/result-view.ts';
import { loadPagefind, searchConfigOf, type Pagefind, type PagefindSearch } from './pagefind.ts';

const PAGE_SIZE = 20;
/** How many results a date-sorted search reorders across languages (each costs a fragment fetch). */
const SORTED_ACROSS_LANGUAGES = 200;

const main = document.querySelector<HTMLElement>('.search-page');
const headerForm = document.querySelector<HTMLFormElement>('form.site-search');
if (main && headerForm) void start(main, headerForm);

async function start(main: HTMLElement, headerForm: HTMLFormElement) {
  const form = main.querySelector<HTMLFormElement>('.search-form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]');
  const panel = main.querySelector<HTMLDetailsElement>('.filters-panel')!;
  const filtersBox = panel.querySelector<HTMLElement>('.filters-body')!;
  const panelTitle = panel.querySelector('summary')!;
  const summary = main.querySelector<HTMLElement>('.search-summary')!;
  const list = main.querySelector<HTMLElement>('.search-results')!;
  const moreButton = main.querySelector<HTMLButtonElement>('.search-more')!;
  const section = main.querySelector<HTMLElement>('.search-results-section')!;
  const config = searchConfigOf(headerForm);
  const pageTitle = document.title;

  // Without history the page has no sort menu and the index no date to sort by: a shared
  // sort=updated then falls back to relevance rather than to no results.
  const readState = (): SearchState => {
    const parsed = parseSearchState(new URLSearchParams(location.search));
    return sort ? parsed : { ...parsed, sort: 'relevance' };
  };
  let state = readState();
  const showState = () => {
    input.value = state.q;
    if (sort) sort.value = state.sort;
  };
  showState();
  if (state.q) document.title = `${state.q} · ${pageTitle}`;

  let pagefind: Pagefind;
  let allFilters: FilterCounts;
  try {
    pagefind = await loadPagefind(config.base);
    allFilters = await pagefind.filters();
  } catch {
    summary.textContent = 'Search is not available: its index could not be loaded. Browse the communities or the tags instead.';
    return;
  }

  // Beside the results on a wide screen; folded above them on a phone, so the results come first.
  const wide = matchMedia('(min-width: 50rem)');
  panel.open = wide.matches;
  wide.addEventListener('change', () => (panel.open = wide.matches));
  panel.hidden = false;

  let current: PagefindSearch | undefined;
  let shown = 0;
  let ticket = 0;

  const showMore = async () => {
    if (!current) return;
    const mine = ticket;
    const next = await Promise.all(current.results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    if (mine !== ticket) return;
    list.insertAdjacentHTML('beforeend', next.map((d, i) => resultHtml(d, `result-${shown + i}`)).join(''));
    shown += next.length;
    const left = current.results.length - shown;
    moreButton.hidden = left <= 0;
    moreButton.textContent = `Show ${Math.min(left, PAGE_SIZE)} more`;
  };

  const render = async () => {
    const mine = ++ticket;
    section.setAttribute('aria-busy', 'true');
    const searching = state.q !== '' || hasFilters(state);
    // With filters and no words, Pagefind lists every page the filters match: "everything Ada wrote".
    let search = searching ? await pagefind.search(state.q || null, pagefindOptions(state)) : undefined;
    if (search && state.sort === 'updated' && search.results.length > 1) {
      const head = await Promise.all(search.results.slice(0, SORTED_ACROSS_LANGUAGES).map((r) => r.data()));
      const sorted = newestFirst(head).map((data: ResultData, i) => ({ id: `sorted-${i}`, data: async () => data }));
      search = { ...search, results: [...sorted, ...search.results.slice(SORTED_ACROSS_LANGUAGES)] };
    }
    if (mine !== ticket) return;
    current = search;
    filtersBox.innerHTML = filterGroups(state, allFilters, search?.filters ?? allFilters, search?.totalFilters ?? allFilters).map(filterGroupHtml).join('');
    const ticked = FILTER_KEYS.reduce((n, key) => n + (state.filters[key]?.length ?? 0), 0);
    panelTitle.textContent = ticked ? `Filters (${ticked})` : 'Filters';
    list.innerHTML = '';
    shown = 0;
    moreButton.hidden = true;
    if (!search) summary.textContent = 'Type a few words, or pick a filter to list its pages.';
    else {
      const count = search.results.length;
      summary.textContent = count === 0 ? 'No pages match. Try fewer or other words, or remove a filter.' : `${plural(count, 'page')} found`;
      await showMore();
    }
    section.setAttribute('aria-busy', 'false');
  };

  const update = (next: SearchState, push: boolean) => {
    state = next;
    const query = serializeSearchState(state);
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    document.title = state.q ? `${state.q} · ${pageTitle}` : pageTitle;
    return render();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update({ ...state, q: input.value.trim() }, true);
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void update({ ...state, q: input.value.trim() }, false), 200);
  });
  sort?.addEventListener('change', () => void update({ ...state, sort: sort.value === 'updated' ? 'updated' : 'relevance' }, true));
  filtersBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const key = box.name as FilterKey;
    const values = new Set(state.filters[key] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    void update({ ...state, filters: { ...state.filters, [key]: [...values] } }, true);
  });
  moreButton.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    state = readState();
    showState();
  if (state.q) document.title = `${state.q} · ${pageTitle}`;
    void render();
  });
  await render();
}
