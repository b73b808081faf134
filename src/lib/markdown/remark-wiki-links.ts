// Runs at build time inside Astro's Markdown pipeline: turns wikilinks and relative links into site URLs.
import type { Link, Nodes, Parent, PhrasingContent, Root } from 'mdast';
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
import type { RepositoryContext } from '../links/repository-links.ts';
import { brokenLinkNode } from './broken-link.ts';
import { wikiOwned } from './wiki-markup.ts';

export interface WikiLinksOptions {
  base: string;
  index: PageIndex<WikiPage>;
  /** Finds the page a Markdown file is, from the file's absolute path. */
  pageForFile: (absolutePath: string) => WikiPage | undefined;
  /** The build's secret that lets the sanitizer keep these links' classes (see wiki-markup.ts). */
  markupToken?: string;
  /** Where links leaving the content folder lead; the same the content model resolved with (wiki-fs.ts). */
  repository?: RepositoryContext;
}

export function hrefOf(base: string, resolution: Resolution<WikiPage>): string | undefined {
  if (resolution.kind === 'page') return pageHref(base, resolution.page.id) + (resolution.anchor ? `#${resolution.anchor}` : '');
  if (resolution.kind === 'asset') return assetHref(base, resolution.assetId) + (resolution.anchor ? `#${resolution.anchor}` : '');
  if (resolution.kind === 'folder') return pageHref(base, resolution.folderId);
  if (resolution.kind === 'repository') return resolution.url;
  return undefined;
}

function wikilinkNode(options: WikiLinksOptions, from: WikiPage, raw: string, inner: string): PhrasingContent {
  const { target, heading, label } = parseWikilinkInner(inner);
  const resolution = resolveWikilink(options.index, from, target, heading);
  if (resolution.kind !== 'page') {
    // Rendered when config `brokenLinks` is "warning" (and while editing in `astro dev`): the words stay, the link does not.
    const shown = label ?? (target ? target + (heading ? ` › ${heading}` : '') : raw);
    const reason = resolution.kind === 'broken' ? resolution.reason : 'not a page';
    return brokenLinkNode([{ type: 'text', value: shown }], reason, options.markupToken, true);
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

/** A link keeps its words, an image its alt text, as marked broken text; a definition is dropped. */
function replaceWithBroken(node: Nodes, parent: Parent, index: number, reason: string, markupToken: string | undefined): number {
  if (node.type === 'definition') {
    parent.children.splice(index, 1);
    return index;
  }
  const children: PhrasingContent[] =
    node.type === 'link' || node.type === 'linkReference' ? node.children : [{ type: 'text', value: ('alt' in node && node.alt) || ('url' in node ? String(node.url) : '') }];
  parent.children.splice(index, 1, brokenLinkNode(children, reason, markupToken));
  return index;
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
    // Definitions that lead nowhere: the references to them render as broken text too.
    const brokenDefinitions = new Map<string, string>();
    // As in the outline: a definition an image reference uses is an image URL.
    const imageLabels = new Set<string>();
    visit(tree, 'imageReference', (node) => {
      imageLabels.add(node.identifier);
    });
    visit(tree, (node, index, parent) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      if (node.type === 'link' && (node.data?.hProperties as { dataWikilink?: string } | undefined)?.dataWikilink) return;
      const resolution = resolveMarkdownLink(options.index, from, node.url, {
        ...(options.repository ? { repository: options.repository } : {}),
        ...(node.type === 'image' || (node.type === 'definition' && imageLabels.has(node.identifier)) ? { image: true } : {}),
      });
      const href = hrefOf(options.base, resolution);
      if (href) node.url = href;
      if (resolution.kind !== 'broken' || !parent || index === undefined) return;
      if (node.type === 'definition') brokenDefinitions.set(node.identifier, resolution.reason);
      return replaceWithBroken(node, parent, index, resolution.reason, options.markupToken);
    });
    if (brokenDefinitions.size === 0) return;
    visit(tree, (node, index, parent) => {
      if (node.type !== 'linkReference' && node.type !== 'imageReference') return;
      const reason = brokenDefinitions.get(node.identifier);
      if (reason === undefined || !parent || index === undefined) return;
      return replaceWithBroken(node, parent, index, reason, options.markupToken);
    });
  };
}
