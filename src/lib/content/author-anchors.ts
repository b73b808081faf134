// Runs anywhere: the anchors authors write in raw HTML (`<a name="x">`, `id="x"`), which the sanitizer renders as `user-content-x`.
import type { Root } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** What the sanitizer puts before every author-written id and name, so they cannot clobber the site's own. */
export const AUTHOR_ANCHOR_PREFIX = 'user-content-';

/** Every `id` and `name` attribute in the page's raw HTML, in document order, each once. */
export function authorAnchorsOf(tree: Root): string[] {
  const found = new Set<string>();
  visit(tree, 'html', (node) => {
    if (!/\s(?:id|name)\s*=/i.test(node.value)) return;
    visit(fromHtml(node.value, { fragment: true }), 'element', (element) => {
      for (const value of [element.properties.id, element.properties.name]) {
        if (typeof value === 'string' && value) found.add(value);
      }
    });
  });
  return [...found];
}

/**
 * The id a link to `#anchor` must use on a page: a heading's slug stays as it is (headings keep their
 * ids); an anchor only an author wrote gets the sanitizer's prefix, as GitHub's script does on click.
 */
export function landingAnchor(anchor: string, headingSlugs: readonly string[], authorAnchors: readonly string[] | undefined): string {
  if (headingSlugs.includes(anchor) || !authorAnchors?.includes(anchor)) return anchor;
  return AUTHOR_ANCHOR_PREFIX + anchor;
}
