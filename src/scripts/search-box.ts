// Runs in the browser: the header search box; live results with keyboard navigation, "/" and Ctrl/Cmd+K to focus.
// Without JavaScript (or before Pagefind loads) the same form submits to the results page.
import { serializeSearchState } from '../lib/search/query-state.ts';
import { escapeHtml, plural, resultHtml } from '../lib/search/result-view.ts';
import { loadPagefind, searchConfigOf } from './pagefind.ts';

const MAX_RESULTS = 8;
/** One letter matches too much to be useful, and would fetch an index chunk of its own. */
const MIN_LENGTH = 2;
/**
 * Search once typing pauses. Pagefind's own debouncedSearch preloads the index chunk of every
 * prefix typed on the way ("p", "po", "pos"…), which tripled the first query's bytes at 10,000 pages.
 */
const PAUSE_MS = 150;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

function enhanceSearchBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const popover = form.querySelector<HTMLElement>('.search-popover');
  const list = popover?.querySelector<HTMLElement>('[role="listbox"]');
  const status = form.querySelector<HTMLElement>('[role="status"]');
  if (!input || !popover || !list || !status) return;
  const config = searchConfigOf(form);
  let active = -1;
  let options: HTMLElement[] = [];

  const close = () => {
    popover.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (index: number) => {
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
    active = index;
    const option = options[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const show = (html: string, announcement: string) => {
    list.innerHTML = html;
    options = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
    status.textContent = announcement;
    popover.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  };

  let latest = 0;
  let pause: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    clearTimeout(pause);
    if (query.length < MIN_LENGTH) return close();
    await new Promise((resolve) => (pause = setTimeout(resolve, PAUSE_MS)));
    if (ticket !== latest) return;
    try {
      const pagefind = await loadPagefind(config.base);
      const search = await pagefind.search(query);
      if (ticket !== latest) return;
      const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (ticket !== latest) return;
      const all = `${config.searchPage}?${serializeSearchState({ q: query, filters: {}, sort: 'relevance' })}`;
      const count = search.results.length;
      const footer = count ? `See all ${plural(count, 'result')}, with filters` : `No pages match “${escapeHtml(query)}”. Open the search page`;
      show(
        data.map((d, i) => resultHtml(d, `search-option-${i}`, { option: true })).join('') +
          `<li id="search-option-all" role="option" class="search-all" aria-selected="false"><a href="${escapeHtml(all)}" tabindex="-1">${footer}</a></li>`,
        count ? plural(count, 'result') : 'No results',
      );
    } catch {
      // Without the index the form still works: Enter opens the results page, which says what is wrong.
      if (ticket === latest) show('<li class="search-error">Search is not available right now. Press Enter to open the search page.</li>', 'Search is not available');
    }
  };

  input.addEventListener('focus', () => void loadPagefind(config.base).catch(() => undefined), { once: true });
  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (popover.hidden) {
        if (input.value.trim()) void run();
        return;
      }
      event.preventDefault();
      // Positions run from -1 (the input itself) to the last option, wrapping at both ends.
      const next = active + (event.key === 'ArrowDown' ? 1 : -1);
      setActive(next >= options.length ? -1 : next < -1 ? options.length - 1 : next);
    } else if (event.key === 'Enter' && active >= 0 && !popover.hidden) {
      event.preventDefault();
      const href = options[active]?.querySelector('a')?.href;
      if (href) location.assign(href);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (!popover.hidden) close();
      else if (input.value) input.value = '';
      else input.blur();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  // A result chosen with the mouse must not lose the popover before its click lands.
  popover.addEventListener('mousedown', (event) => event.preventDefault());
  document.addEventListener('keydown', (event) => {
    const shortcut = event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey;
    if (shortcut || (event.key === '/' && !event.metaKey && !event.ctrlKey && !event.altKey && !isTyping(event.target))) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}

const form = document.querySelector<HTMLFormElement>('form.site-search');
if (form) enhanceSearchBox(form);
