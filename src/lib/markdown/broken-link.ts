// Runs at build time inside Astro's Markdown pipeline: the marked text a link to no page or file renders as, never a dangling href.
import type { Parent, PhrasingContent } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { wikiOwned } from './wiki-markup.ts';

/**
 * Its own node type, not a text node with a tag name: mdast-util-find-and-replace merges a replacement
 * text node into the text beside it, which drops the tag and leaves the link looking like prose.
 */
export interface BrokenLink extends Parent {
  type: 'wikiBrokenLink';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiBrokenLink: BrokenLink;
  }
  interface RootContentMap {
    wikiBrokenLink: BrokenLink;
  }
}

/** `<span class="wikilink-broken" title="Broken link: why">text</span>`; the build's token keeps its class through the sanitizer. */
export function brokenLinkNode(children: PhrasingContent[], reason: string, markupToken: string | undefined, wikilink = false): BrokenLink {
  return {
    type: 'wikiBrokenLink',
    children,
    data: {
      hName: 'span',
      hProperties: wikiOwned({ className: wikilink ? ['wikilink', 'wikilink-broken'] : ['wikilink-broken'], title: `Broken link: ${reason}` }, markupToken),
    },
  };
}
