// Runs at build time inside Astro's Markdown pipeline: turns the raw HTML authors wrote into elements and sanitizes them.
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';

type PropertyDefinition = NonNullable<Schema['attributes']>[string][number];
import { visit } from 'unist-util-visit';
import { isMdxPath } from '../content/page-rule.ts';
import { isRelativeOrHttpUrl, isSafeImageUrl } from '../content/safe-url.ts';
import { filterIframeAllow } from './iframe-allow.ts';
import { filterSrcset } from '../content/srcset.ts';
import { dropForgedWikiMarkup, WIKI_CLASSES, WIKI_DATA_PROPERTIES } from './wiki-markup.ts';
import { markMarkdownElements, rewriteRawHtmlLinks, type RawHtmlLinkOptions } from './rehype-raw-html-links.ts';

export interface SanitizeOptions {
  /** Hosts whose `<iframe>` embeds are kept (sandboxed); every other iframe is removed. */
  iframeHosts?: readonly string[];
  /** The build's secret on the wiki's own links (see wiki-markup.ts); without it no element keeps wiki classes. */
  markupToken?: string;
  /** Resolves the links authors wrote in raw HTML like Markdown links (rehype-raw-html-links.ts); without it they stay as written. */
  rawHtmlLinks?: RawHtmlLinkOptions;
}

const CLOBBER_PREFIX = 'user-content-';

/**
 * GitHub's schema (what readers of a forge already trust), plus what the wiki's own plugins emit and
 * what authors commonly embed (`<kbd>`, `<mark>`, `<figure>`), plus iframes that a later pass limits to
 * the configured hosts. Everything else, `<script>`, `<style>`, forms, `<svg>`, event handlers and
 * `javascript:` URLs, is removed.
 */
/** The sanitizer reads only the first `className` rule of an element; drop GitHub's so ours is the one. */
const withoutClassName = (rules: PropertyDefinition[] = []) => rules.filter((rule) => !(Array.isArray(rule) && rule[0] === 'className'));

function sanitizeSchema(options: SanitizeOptions = {}): Schema {
  const base = defaultSchema.attributes ?? {};
  // Form attributes are meaningless without forms (removed), and `action` would carry a URL unchecked.
  const anyElement = (base['*'] ?? []).filter((rule) => rule !== 'action');
  const allowIframes = (options.iframeHosts ?? []).length > 0;
  return {
    ...defaultSchema,
    clobberPrefix: CLOBBER_PREFIX,
    // Elements whose text would otherwise leak onto the page as if the author had written it.
    strip: ['script', 'style', 'template', 'noscript', 'xmp', 'noembed', 'noframes'],
    tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'figure', 'figcaption', 'abbr', ...(allowIframes ? ['iframe'] : [])],
    attributes: {
      ...base,
      '*': anyElement,
      // Only elements the wiki made keep these: forged ones lose them before sanitizing (dropForgedWikiMarkup).
      a: [...withoutClassName(base.a), ['className', ...WIKI_CLASSES, 'data-footnote-backref'], ...WIKI_DATA_PROPERTIES],
      span: [...(base.span ?? []), ['className', ...WIKI_CLASSES]],
      iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen', 'loading'],
      img: [...(base.img ?? []), 'loading'],
    },
    protocols: { ...defaultSchema.protocols, src: ['http', 'https', 'data'] },
  };
}

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).protocol === 'https:' ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
};

/**
 * After sanitizing: data: URLs only as raster images, srcset candidates held to the rules of src (the
 * sanitizer reads srcset as one URL), iframes only from allowlisted hosts, sandboxed, with few permissions.
 */
function restrictEmbeds(tree: Root, iframeHosts: readonly string[]): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const src = node.properties.src;
    if (typeof src === 'string' && !(node.tagName === 'img' ? isSafeImageUrl(src) : isRelativeOrHttpUrl(src))) {
      delete node.properties.src;
    }
    const srcSet = node.properties.srcSet;
    if (srcSet !== undefined && srcSet !== null) {
      const kept = filterSrcset(String(srcSet), isSafeImageUrl);
      if (kept) node.properties.srcSet = kept;
      else delete node.properties.srcSet;
    }
    if (node.tagName !== 'iframe') return;
    const host = typeof src === 'string' ? hostOf(src) : undefined;
    if (!host || !iframeHosts.includes(host)) {
      if (parent && index !== undefined) parent.children.splice(index, 1);
      return index;
    }
    const allow = typeof node.properties.allow === 'string' ? filterIframeAllow(node.properties.allow) : undefined;
    if (allow) node.properties.allow = allow;
    else delete node.properties.allow;
    node.properties.sandbox = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-presentation'];
    node.properties.referrerPolicy = 'strict-origin-when-cross-origin';
    node.properties.loading = 'lazy';
  });
}

/**
 * Footnote ids from remark-gfm already carry the prefix the sanitizer adds to every author-written id;
 * strip it first so the sanitizer adds it exactly once and footnote links keep pointing at them.
 */
function unprefixGeneratedIds(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id;
    if (typeof id === 'string' && id.startsWith(CLOBBER_PREFIX)) node.properties.id = id.slice(CLOBBER_PREFIX.length);
  });
}

/**
 * Astro's pipeline keeps raw HTML as `raw` nodes and parses them only after the project's rehype
 * plugins have run, where a sanitizer would no longer see them: parse them here first.
 */
export function rehypeSanitizeContent(options: SanitizeOptions = {}) {
  const schema = sanitizeSchema(options);
  const parseRaw = rehypeRaw();
  return (tree: Root, file: Parameters<ReturnType<typeof rehypeRaw>>[1]) => {
    // .mdx is code, trusted like the site's own source (README, Security); its JSX is not raw HTML.
    if (isMdxPath(file.path)) {
      dropForgedWikiMarkup(tree, options.markupToken);
      return tree;
    }
    const token = options.markupToken ?? 'markdown';
    if (options.rawHtmlLinks) markMarkdownElements(tree, token);
    const parsed = parseRaw(tree, file) as Root;
    dropForgedWikiMarkup(parsed, options.markupToken);
    if (options.rawHtmlLinks) rewriteRawHtmlLinks(parsed, file, token, options.rawHtmlLinks);
    unprefixGeneratedIds(parsed);
    const clean = sanitize(parsed, schema) as Root;
    restrictEmbeds(clean, options.iframeHosts ?? []);
    return clean;
  };
}
