// Runs anywhere: reads what the site needs from a page body in one parse: title heading, headings, links.
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { authorAnchorsOf } from './author-anchors.ts';
import { headingsOf, type SourceHeading } from './headings.ts';
import { htmlLinksOf } from './html-links.ts';
import { leadingHeadingOf, titleHeadingOf } from './title-heading.ts';
import { parseMarkdown } from './markdown-parser.ts';
import type { PageFormat } from './page-rule.ts';
import { templateTagsIn, type TemplateTagsFound } from './template-tags.ts';
import { findWikilinks, parseWikilinkInner, WIKILINK } from './wikilink-syntax.ts';

export interface LinkOccurrence {
  kind: 'wikilink' | 'markdown';
  /** Wikilink target, or the URL of a Markdown link/image/definition. */
  target: string;
  heading?: string;
  raw: string;
  line: number;
  column: number;
  isImage?: boolean;
  /** Written in raw HTML (`<a href>`, `<img src>`, `<source srcset>`), which Astro never imports. */
  html?: boolean;
}

export interface Outline {
  /** The page's title heading (title-heading.ts): its first top-level level-1 heading with text. */
  firstHeading?: string;
  /** A level-1 heading that is the page's first block: what names a community from its home page. */
  leadingHeading?: string;
  /** With their file lines, which section credits read. */
  headings: SourceHeading[];
  /** Ids and names written in the page's raw HTML (see author-anchors.ts). */
  anchors: string[];
  links: LinkOccurrence[];
  firstParagraph?: string;
  words: number;
  /** ERB, Liquid or Nunjucks tags outside code (template-tags.ts); absent when there are none. */
  templateTags?: TemplateTagsFound;
}

export class MarkdownSyntaxError extends Error {
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.name = 'MarkdownSyntaxError';
    this.line = line;
    this.column = column;
  }
}

/** Text from which link targets are read; anything inside code, links or MDX is left alone. */
const SKIP_INSIDE = new Set(['link', 'linkReference', 'inlineCode', 'code', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

/** Paragraph text as a reader sees it: `[[target|label]]` becomes its label. */
function plainText(text: string): string {
  return text
    .replace(new RegExp(WIKILINK.source, 'g'), (_, inner: string) => {
      const { target, heading, label } = parseWikilinkInner(inner);
      return label ?? (target || heading || '');
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** `lineOffset` is the file line on which `body` starts. */
export function outlineOf(body: string, format: PageFormat, lineOffset = 1): Outline {
  let tree: Root;
  try {
    tree = parseMarkdown(body, format);
  } catch (error) {
    const kind = format === 'mdx' ? 'MDX' : 'Markdown';
    // The limits (limits.ts) keep pages from getting here; a stack overflow left is still the page's, not a crash.
    if (error instanceof RangeError) throw new MarkdownSyntaxError(`${kind} could not be parsed: the page nests too deeply (${error.message})`);
    const e = error as { message?: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const place = e.place && 'start' in e.place ? e.place.start : e.place;
    const line = e.line ?? place?.line;
    throw new MarkdownSyntaxError(`${kind} could not be parsed: ${e.message?.split('\n')[0] ?? String(error)}`, line ? line + lineOffset - 1 : undefined, e.column ?? place?.column);
  }
  const firstHeading = titleHeadingOf(tree);
  const leadingHeading = leadingHeadingOf(tree);
  const outline: Outline = {
    ...(firstHeading ? { firstHeading } : {}),
    ...(leadingHeading ? { leadingHeading } : {}),
    headings: headingsOf(tree),
    anchors: authorAnchorsOf(tree),
    links: [],
    words: 0,
  };
  const at = (node: Nodes) => ({ line: (node.position?.start.line ?? 1) + lineOffset - 1, column: node.position?.start.column ?? 1 });

  // A definition an image reference uses is an image URL: Astro imports it like the image's own.
  const imageLabels = new Set<string>();
  const definitions: { node: Nodes & { identifier: string }; link: LinkOccurrence }[] = [];
  const templateTags: ReturnType<typeof templateTagsIn> = [];
  visitParents(tree, (node, ancestors) => {
    if ((node.type === 'text' || node.type === 'html') && format === 'md') templateTags.push(...templateTagsIn(node.value, at(node).line, at(node).column));
    switch (node.type) {
      case 'imageReference':
        imageLabels.add(node.identifier);
        break;
      case 'paragraph':
        if (outline.firstParagraph === undefined && ancestors.length === 1) outline.firstParagraph = plainText(toString(node)) || undefined;
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const link: LinkOccurrence = { kind: 'markdown', target: node.url, raw: node.url, ...at(node), ...(node.type === 'image' ? { isImage: true } : {}) };
        outline.links.push(link);
        if (node.type === 'definition') definitions.push({ node, link });
        break;
      }
      case 'html': {
        const start = at(node);
        for (const found of htmlLinksOf(node.value)) {
          // Columns on later lines of the HTML are its own; a blockquote's or list's prefix is not in its text.
          const place = { line: start.line + found.line - 1, column: found.line === 1 ? start.column + found.column - 1 : found.column };
          outline.links.push({ kind: 'markdown', target: found.url, raw: found.url, ...place, html: true, ...(found.isImage ? { isImage: true } : {}) });
        }
        break;
      }
      case 'text': {
        outline.words += node.value.split(/\s+/).filter(Boolean).length;
        if (ancestors.some((a) => SKIP_INSIDE.has(a.type))) break;
        for (const link of findWikilinks(node.value)) {
          const start = node.position?.start;
          const before = node.value.slice(0, link.start);
          const newlines = before.split('\n');
          const line = (start?.line ?? 1) + newlines.length - 1 + lineOffset - 1;
          const column = newlines.length > 1 ? (newlines.at(-1)?.length ?? 0) + 1 : (start?.column ?? 1) + link.start;
          outline.links.push({ kind: 'wikilink', target: link.target, ...(link.heading ? { heading: link.heading } : {}), raw: link.raw, line, column });
        }
        break;
      }
    }
  });
  if (templateTags.length > 0) outline.templateTags = { first: templateTags[0]!.tag, line: templateTags[0]!.line, column: templateTags[0]!.column, count: templateTags.length };
  for (const { node, link } of definitions) if (imageLabels.has(node.identifier)) link.isImage = true;
  return outline;
}
