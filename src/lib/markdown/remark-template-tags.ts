// Runs at build time inside Astro's Markdown pipeline: shows other generators' template tags as the code they are.
import type { Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import { TEMPLATE_TAG } from '../content/template-tags.ts';

/**
 * `<%= render "x" %>` or `{{ "/x/" | url }}` in a page's text becomes an inline code span, before typography
 * could curl its quotes: never run, visibly not prose. The page's warning comes from the outline (outline.ts).
 */
export function remarkTemplateTags() {
  return (tree: Root) => {
    findAndReplace(tree, [[new RegExp(TEMPLATE_TAG.source, 'g'), (tag: string) => ({ type: 'inlineCode', value: tag })]]);
  };
}
