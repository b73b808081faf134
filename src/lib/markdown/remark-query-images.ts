// Runs at build time inside Astro's Markdown pipeline: keeps image paths that start with "?" away from Vite.
import type { Parent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { startsWithQuery } from '../links/image-urls.ts';

/**
 * `![x](?raw)` would become a Vite import of "?raw". The content model reports these as errors (so
 * `wiki check` and the build stop on them); this only makes sure that, whatever runs the pipeline
 * (`astro dev` while the page is being written), such an image is shown as its text, never imported.
 */
export function remarkQueryImages() {
  return (tree: Root) => {
    // First definition of a label wins, as CommonMark says (labels are already normalised by the parser).
    const urls = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      if (!urls.has(node.identifier)) urls.set(node.identifier, node.url);
    });
    visit(tree, (node, index, parent) => {
      if (index === undefined || !parent) return;
      const url = node.type === 'image' ? node.url : node.type === 'imageReference' ? urls.get(node.identifier) : undefined;
      if (url === undefined || !startsWithQuery(url)) return;
      const alt = 'alt' in node ? (node.alt ?? '') : '';
      (parent as Parent).children.splice(index, 1, { type: 'text', value: alt, data: { hName: 'span', hProperties: { className: ['image-unpublished'], title: `Image "${url}" is not published` } } } as never);
      return [SKIP, index + 1];
    });
  };
}
