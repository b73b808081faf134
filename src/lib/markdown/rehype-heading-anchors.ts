// Runs at build time inside Astro's Markdown pipeline: gives each heading an id and a "#" link to itself.
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { headingSlugger } from '../content/slugs.ts';

const HEADING = /^h[1-6]$/;

/** GFM's hidden "Footnotes" heading: it keeps its own id and wants no visible anchor. */
const isScreenReaderOnly = (node: Element) => Array.isArray(node.properties.className) && node.properties.className.includes('sr-only');

/**
 * Ids follow GitHub's slug rules, as Astro's own heading pass does (it keeps ids that exist), so the
 * table of contents and `[[page#Heading]]` links agree. The anchor has no text of its own, so it
 * does not leak into the heading text Astro collects for the table of contents.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    const slugOf = headingSlugger();
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName) || isScreenReaderOnly(node)) return;
      const existing = node.properties.id;
      const id = typeof existing === 'string' && existing ? existing : slugOf(toString(node));
      if (!id) return;
      node.properties.id = id;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to this section` },
        children: [],
      });
    });
  };
}
