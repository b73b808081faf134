// Runs anywhere: which heading of a parsed page is its title, and which one names a community from its home page.
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** A heading's words as a reader sees them: no image alt text (a logo is not a name), no raw HTML tags. */
const headingText = (node: Heading): string => toString(node, { includeImageAlt: false, includeHtml: false }).replace(/\s+/g, ' ').trim();

/** Blocks that render nothing a reader sees, so a heading after them still opens the page. */
function isInvisible(node: RootContent): boolean {
  if (node.type === 'yaml' || node.type === 'definition' || node.type === 'mdxjsEsm') return true;
  return node.type === 'html' && node.value.replace(/<!--[\s\S]*?(-->|$)/g, '').trim() === '';
}

/**
 * The title a page's body gives: its first level-1 heading that is a block of the page itself (not one
 * inside a list, blockquote, table or HTML) and has words once images are left out. A heading that is
 * only a logo is passed over. A level-2 heading never titles a page: it names a section, and GitHub shows
 * no title for such a file either, so the file name reads better.
 */
export function titleHeadingOf(tree: Root): string | undefined {
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== 1) continue;
    const text = headingText(node);
    if (text) return text;
  }
  return undefined;
}

/** The level-1 heading that opens the page (its first visible block), if it does; never one further down. */
export function leadingHeadingOf(tree: Root): string | undefined {
  const first = tree.children.find((node) => !isInvisible(node));
  return first?.type === 'heading' && first.depth === 1 ? headingText(first) || undefined : undefined;
}
