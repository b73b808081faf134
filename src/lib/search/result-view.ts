// Runs anywhere (browser included): one search result as HTML, everything from pages escaped but Pagefind's <mark>.

/** What the result list needs of Pagefind's `result.data()`. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

/**
 * Pagefind's excerpt is page text, already escaped, with the matched words in <mark>. Only those
 * marks survive as markup: any other text is decoded and escaped again, so a tag that slipped
 * through (a bug, an older index) shows as text instead of running.
 */
export function safeExcerpt(excerpt: string): string {
  return excerpt
    .split(/(<\/?mark>)/i)
    .map((part) => (/^<\/?mark>$/i.test(part) ? part.toLowerCase() : escapeHtml(decodeEntities(part))))
    .join('');
}

/** "3 Jan 2026" in the reader's locale, from an ISO date; the day as written, whatever the reader's time zone. */
export function formatDay(iso: string | undefined, locale?: string): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Only a path or an http(s) URL may become a link; Pagefind gives paths, this keeps it so. */
const safeHref = (url: string): string => (/^(\/|\.{0,2}\/|https?:\/\/)/i.test(url) ? url : '#');

/**
 * One result as a list item: title, community, last updated and the excerpt with its highlights.
 * As an `option` of the header box's listbox, its link leaves the tab order (arrows move through
 * the options); on the results page it is an ordinary link.
 */
export function resultHtml(data: ResultData, id: string, { option = false, locale }: { option?: boolean; locale?: string } = {}): string {
  const title = escapeHtml(data.meta.title || data.url);
  const community = data.meta.community ? `<span class="result-community">${escapeHtml(data.meta.community)}</span>` : '';
  const day = formatDay(data.meta.updated, locale);
  const updated = day ? `<span class="result-updated">updated <time datetime="${escapeHtml(data.meta.updated ?? '')}">${escapeHtml(day)}</time></span>` : '';
  return (
    `<li id="${escapeHtml(id)}" class="search-result"${option ? ' role="option" aria-selected="false"' : ''}>` +
    `<a href="${escapeHtml(safeHref(data.url))}"${option ? ' tabindex="-1"' : ''}><span class="result-title">${title}</span>` +
    `<span class="result-where">${community}${updated}</span>` +
    `<span class="result-excerpt">${safeExcerpt(data.excerpt)}</span></a></li>`
  );
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * Newest first by the `updated` metadata, undated last, ties in the order given. Pagefind sorts each
 * language index by its sort key but merges the indexes by score, so a merged search sorted by date
 * comes back as one sorted run per language; this puts them back into one order.
 */
export function newestFirst<T extends { meta: Record<string, string | undefined> }>(results: readonly T[]): T[] {
  return results
    .map((result, index) => ({ result, index, day: result.meta.updated ?? '' }))
    .sort((a, b) => (a.day === b.day ? a.index - b.index : a.day < b.day ? 1 : -1))
    .map(({ result }) => result);
}
