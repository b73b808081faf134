import { describe, expect, it } from 'vitest';
import { escapeHtml, formatDay, newestFirst, resultHtml, safeExcerpt } from '../../src/lib/search/result-view.ts';

describe('a search result as HTML', () => {
  it('keeps only the <mark> highlights of an excerpt, whatever else it carries', () => {
    expect(safeExcerpt('use <mark>index</mark> &amp; vacuum &lt;b&gt;')).toBe('use <mark>index</mark> &amp; vacuum &lt;b&gt;');
    expect(safeExcerpt('<img src=x onerror=alert(1)> <MARK>hit</MARK>')).toBe('&lt;img src=x onerror=alert(1)&gt; <mark>hit</mark>');
    expect(safeExcerpt('&#60;script&#x3e; caf&eacute;')).toBe('&lt;script&gt; caf&amp;eacute;');
  });

  it('escapes title, community, date and URL; only paths and http(s) URLs become links', () => {
    const html = resultHtml({ url: '/kb/ops/x/', excerpt: 'a <mark>b</mark>', meta: { title: '<b>T</b> & "q"', community: 'R&D', updated: '2026-01-03' } }, 'r-1', { locale: 'en-GB' });
    expect(html).toBe(
      '<li id="r-1" class="search-result"><a href="/kb/ops/x/"><span class="result-title">&lt;b&gt;T&lt;/b&gt; &amp; &quot;q&quot;</span>' +
        '<span class="result-where"><span class="result-community">R&amp;D</span><span class="result-updated">updated <time datetime="2026-01-03">3 Jan 2026</time></span></span>' +
        '<span class="result-excerpt">a <mark>b</mark></span></a></li>',
    );
    expect(resultHtml({ url: 'javascript:alert(1)', excerpt: '', meta: {} }, 'x')).toContain('href="#"');
  });

  it('is an option of a listbox, out of the tab order, in the header box', () => {
    const html = resultHtml({ url: '/a/', excerpt: '', meta: { title: 'A' } }, 'o-0', { option: true });
    expect(html).toMatch(/^<li id="o-0" class="search-result" role="option" aria-selected="false"><a href="\/a\/" tabindex="-1">/);
    expect(html).not.toContain('result-updated');
  });

  it('shows the day as written, in any time zone, and nothing for a missing or bad date', () => {
    expect(formatDay('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
    expect(formatDay(undefined)).toBe('');
    expect(formatDay('yesterday')).toBe('');
    expect(escapeHtml(`<'">&`)).toBe('&lt;&#39;&quot;&gt;&amp;');
  });
});

describe('results sorted by date across languages', () => {
  it('merges the per-language runs newest first, undated last, keeping ties in order', () => {
    const r = (title: string, updated?: string) => ({ meta: { title, ...(updated ? { updated } : {}) } });
    const merged = [r('en new', '2026-09-01'), r('en old', '2026-01-01'), r('en undated'), r('fr mid', '2026-05-01'), r('fr same', '2026-01-01')];
    expect(newestFirst(merged).map((x) => x.meta.title)).toEqual(['en new', 'fr mid', 'en old', 'fr same', 'en undated']);
  });
});
