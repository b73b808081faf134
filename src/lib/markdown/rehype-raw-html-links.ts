// Runs at build time inside Astro's Markdown pipeline, between parsing raw HTML and sanitizing it: `<a href>`, `<img src>` and `<source srcset>` an author wrote resolve like Markdown links.
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { HTML_LINK_ATTRIBUTES, isOwnFragment, urlAsBrowserReads } from '../content/html-links.ts';
import type { WikiPage } from '../content/types.ts';
import type { PageIndex } from '../links/page-index.ts';
import type { RepositoryContext } from '../links/repository-links.ts';
import { resolveMarkdownLink, type Resolution } from '../links/resolve.ts';
import { hrefOf } from './remark-wiki-links.ts';
import { parseSrcset } from '../content/srcset.ts';

export interface RawHtmlLinkOptions {
  base: string;
  index: PageIndex<WikiPage>;
  pageForFile: (absolutePath: string) => WikiPage | undefined;
  repository?: RepositoryContext;
}

/** The property the elements made from Markdown carry through the raw HTML parse, so the author's own can be told apart. */
const FROM_MARKDOWN = 'dataWikiFromMarkdown';

/** Before raw HTML is parsed: every element there is one the Markdown made (its links already resolved). */
export function markMarkdownElements(tree: Root, token: string): void {
  visit(tree, 'element', (node: Element) => {
    node.properties[FROM_MARKDOWN] = token;
  });
}

/** Marked text for a link that leads nowhere, as a broken Markdown link renders (broken-link.ts); raw HTML is parsed by now, so no token is needed. */
function brokenSpan(children: ElementContent[], reason: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['wikilink-broken'], title: `Broken link: ${reason}` }, children };
}

/** A srcset candidate's URL must not hold the spaces and commas that separate candidates. */
const srcsetSafe = (url: string) => url.replace(/[\s,]/g, (c) => encodeURIComponent(c));

/**
 * After raw HTML is parsed and before it is sanitized: the author's links resolve with the resolver
 * Markdown links use; a broken `<a>` or `<img>` becomes marked text (its words, or its alt text), a
 * broken srcset candidate is dropped. What is not the wiki's to resolve (`https:`, `javascript:`, a
 * fragment) is left for the sanitizer. The marks are removed either way.
 */
export function rewriteRawHtmlLinks(tree: Root, file: VFile, token: string, options: RawHtmlLinkOptions): void {
  const from = file.path ? options.pageForFile(file.path) : undefined;
  const resolve = (url: string, image: boolean): Resolution<WikiPage> | undefined => {
    if (!from || url === '' || isOwnFragment(url)) return undefined;
    return resolveMarkdownLink(options.index, from, url, { ...(options.repository ? { repository: options.repository } : {}), ...(image ? { image: true } : {}) });
  };
  visit(tree, 'element', (node: Element, index, parent) => {
    const fromMarkdown = node.properties[FROM_MARKDOWN] === token;
    delete node.properties[FROM_MARKDOWN];
    const attribute = HTML_LINK_ATTRIBUTES[node.tagName];
    const written = attribute ? node.properties[attribute] : undefined;
    // hast keeps a srcset as its comma-separated parts.
    const value = Array.isArray(written) ? written.join(', ') : written;
    if (fromMarkdown || !attribute || typeof value !== 'string') return;
    if (attribute === 'srcSet') {
      const kept: string[] = [];
      for (const candidate of parseSrcset(value)) {
        const resolution = resolve(urlAsBrowserReads(candidate.url), true);
        if (resolution?.kind === 'broken') continue;
        const href = resolution && hrefOf(options.base, resolution);
        kept.push([href ? srcsetSafe(href) : candidate.url, ...candidate.descriptors].join(' '));
      }
      if (kept.length > 0) node.properties.srcSet = kept.join(', ');
      else delete node.properties.srcSet;
      return;
    }
    const resolution = resolve(urlAsBrowserReads(value), node.tagName === 'img');
    if (!resolution) return;
    if (resolution.kind !== 'broken') {
      const href = hrefOf(options.base, resolution);
      if (href) node.properties[attribute] = href;
      return;
    }
    if (!parent || index === undefined) return;
    const words: ElementContent[] = node.tagName === 'img' ? [{ type: 'text', value: String(node.properties.alt ?? toString(node)) }] : node.children;
    parent.children.splice(index, 1, brokenSpan(words, resolution.reason));
    // The link's own children are visited inside the span next.
    return [SKIP, index];
  });
}
