// Runs anywhere: the link and image URLs a page's raw HTML holds (`<a href>`, `<img src>`, `<source srcset>`), read by an HTML parser, with where each is written.
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { parseSrcset } from './srcset.ts';

/** The attributes whose URLs the wiki resolves, by element: the ones the sanitizer keeps. */
export const HTML_LINK_ATTRIBUTES: Readonly<Record<string, 'href' | 'src' | 'srcSet'>> = { a: 'href', img: 'src', source: 'srcSet' };

export interface HtmlLink {
  url: string;
  isImage: boolean;
  /** Where the attribute starts, 1-based, within the HTML text given. */
  line: number;
  column: number;
}

/**
 * The URL as a browser follows it: the URL parser drops C0 controls and spaces around it and every tab
 * and newline inside it, so `" other.md"` and `"java\tscript:"` are read as what they are.
 */
export function urlAsBrowserReads(value: string): string {
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** A fragment on the page itself; the author-anchor pass (rehype-author-anchor-links.ts) handles those. */
export const isOwnFragment = (url: string) => url.startsWith('#');

/** Each URL of one element that the wiki resolves: one for href and src, one per candidate of a srcset. */
export function urlsOfElement(element: Element): string[] {
  const attribute = HTML_LINK_ATTRIBUTES[element.tagName];
  const value = attribute ? element.properties[attribute] : undefined;
  if (value === undefined || value === null || typeof value === 'boolean') return [];
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  const urls = attribute === 'srcSet' ? parseSrcset(text).map((c) => c.url) : [text];
  return urls.map(urlAsBrowserReads).filter((url) => url !== '' && !isOwnFragment(url));
}

/** Every URL the HTML text links to or loads, in order; `html` is one raw HTML node of a Markdown page. */
export function htmlLinksOf(html: string): HtmlLink[] {
  if (!/(?:href|src|srcset)\s*=/i.test(html)) return [];
  const links: HtmlLink[] = [];
  visit(fromHtml(html, { fragment: true, verbose: true }), 'element', (element) => {
    const attribute = HTML_LINK_ATTRIBUTES[element.tagName];
    if (!attribute) return;
    const at = element.data?.position?.properties?.[attribute]?.start ?? element.position?.start;
    for (const url of urlsOfElement(element)) {
      links.push({ url, isImage: element.tagName !== 'a', line: at?.line ?? 1, column: at?.column ?? 1 });
    }
  });
  return links;
}
