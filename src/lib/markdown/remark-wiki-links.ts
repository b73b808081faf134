// Runs at build time inside Astro's Markdown pipeline: turns wikilinks and relative links into site URLs.
import type { Link, PhrasingContent, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { assetHref, pageHref } from '../content/paths.ts';
import type { WikiPage } from '../content/types.ts';
import type { PageIndex } from '../links/page-index.ts';
import { resolveMarkdownLink, resolveWikilink, type Resolution } from '../links/resolve.ts';
import { isTocMarker, parseWikilinkInner, WIKILINK } from '../content/wikilink-syntax.ts';
import { wikiOwned } from './wiki-markup.ts';

export interface WikiLinksOptions {
  base: string;
  index: PageIndex<WikiPage>;
  /** Finds the page a Markdown file is, from the file's absolute path. */
  pageForFile: (absolutePath: string) => WikiPage | undefined;
  /** The build's secret that lets the sanitizer keep these links' classes (see wiki-markup.ts). */
  markupToken?: string;
}

function hrefOf(base: string, resolution: Resolution<WikiPage>): string | undefined {
  if (resolution.kind === 'page') return pageHref(base, resolution.page.id) + (resolution.anchor ? `#${resolution.anchor}` : '');
  if (resolution.kind === 'asset') return assetHref(base, resolution.assetId) + (resolution.anchor ? `#${resolution.anchor}` : '');
  return undefined;
}

function wikilinkNode(options: WikiLinksOptions, from: WikiPage, raw: string, inner: string): PhrasingContent {
  const { target, heading, label } = parseWikilinkInner(inner);
  const resolution = resolveWikilink(options.index, from, target, heading);
  if (resolution.kind !== 'page') {
    // The build stops on broken links before rendering; this only shows while editing in `astro dev`.
    return { type: 'text', value: raw, data: { hName: 'span', hProperties: wikiOwned({ className: ['wikilink', 'wikilink-broken'], title: 'Broken link' }, options.markupToken) } } as PhrasingContent;
  }
  const page = resolution.page;
  const text = label ?? (target ? page.title + (heading ? ` › ${heading}` : '') : (heading ?? page.title));
  const cross = page.community !== from.community;
  const link: Link = {
    type: 'link',
    url: hrefOf(options.base, resolution) ?? '#',
    children: [{ type: 'text', value: text }],
    data: {
      hProperties: wikiOwned(
        { className: cross ? ['wikilink', 'wikilink-cross'] : ['wikilink'], dataWikilink: target || '#', ...(cross ? { dataWikiCommunity: page.community } : {}) },
        options.markupToken,
      ),
    },
  };
  return link;
}

export function remarkWikiLinks(options: WikiLinksOptions) {
  return (tree: Root, file: VFile) => {
    const from = file.path ? options.pageForFile(file.path) : undefined;
    if (!from) return;
    // A paragraph that is only the marker goes entirely; `[[_TOC_]]` reaches here as `[[`, emphasis, `]]`.
    visit(tree, 'paragraph', (node, index, parent) => {
      const text = toString(node).trim();
      if (parent && index !== undefined && text.startsWith('[[') && text.endsWith(']]') && isTocMarker(text.slice(2, -2))) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    });
    findAndReplace(tree, [[new RegExp(WIKILINK.source, 'g'), (raw: string, inner: string) => (isTocMarker(inner) ? '' : wikilinkNode(options, from, raw, inner))]], {
      ignore: ['link', 'linkReference', 'inlineCode', 'code'],
    });
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      if (node.type === 'link' && (node.data?.hProperties as { dataWikilink?: string } | undefined)?.dataWikilink) return;
      const href = hrefOf(options.base, resolveMarkdownLink(options.index, from, node.url));
      if (href) node.url = href;
    });
  };
}
