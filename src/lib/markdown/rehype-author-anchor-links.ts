// Runs at build time inside Astro's Markdown pipeline, after the sanitizer and heading anchors: `<a href="#x">` lands on the author's `user-content-x`.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { AUTHOR_ANCHOR_PREFIX } from '../content/author-anchors.ts';

/**
 * The sanitizer prefixes the ids and names authors write; GitHub moves `#x` onto them by script on
 * click, and the site has no script, so links in the page's own HTML are pointed there instead.
 * A fragment that is already an id on the page (a heading's) is left alone.
 */
export function rehypeAuthorAnchorLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      for (const value of [node.properties.id, node.properties.name]) if (typeof value === 'string') ids.add(value);
    });
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return;
      const fragment = href.slice(1);
      if (!ids.has(fragment) && ids.has(AUTHOR_ANCHOR_PREFIX + fragment)) node.properties.href = `#${AUTHOR_ANCHOR_PREFIX}${fragment}`;
    });
  };
}
