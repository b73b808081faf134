// Runs anywhere: a page's headings with the ids the site gives them; the outline and section credits both read them here.
import type { Heading as HeadingNode, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { headingSlugger } from './slugs.ts';

export interface Heading {
  depth: number;
  text: string;
  /** The heading's id on the site (GitHub's slug rules, repeats numbered in document order). */
  slug: string;
}

export interface SourceHeading extends Heading {
  /** Line in the parsed text (1-based). */
  line: number;
}

/**
 * A heading's text as the rendered heading has it, which is what its id is made from: raw HTML tags
 * and image alt text are not text there (`## Press <kbd>Ctrl</kbd>` reads "Press Ctrl"), and the
 * space before a trailing image stays (`## Logo ![alt](x.png)` is "logo-", as the anchors make it).
 */
const renderedText = (node: HeadingNode): string => toString(node, { includeHtml: false, includeImageAlt: false });

/** Every heading of a parsed page, in document order. */
export function headingsOf(tree: Root): SourceHeading[] {
  const slugOf = headingSlugger();
  const headings: SourceHeading[] = [];
  visit(tree, 'heading', (node) => {
    const text = renderedText(node);
    headings.push({ depth: node.depth, text: text.trim(), slug: slugOf(text), line: node.position?.start.line ?? 1 });
  });
  return headings;
}
