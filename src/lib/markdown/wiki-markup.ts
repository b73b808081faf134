// Runs at build time inside Astro's Markdown pipeline: tells the wiki's own markup apart from look-alike HTML an author wrote.
import type { Element, Properties, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Classes the site's CSS gives meaning to on links the wiki made; author HTML may not carry them. */
export const WIKI_CLASSES: readonly string[] = ['wikilink', 'wikilink-cross', 'wikilink-broken', 'wikilink-asset'];

/** Data attributes (hast property names) the wiki puts on its links, for readers' tools and tests. */
export const WIKI_DATA_PROPERTIES: readonly string[] = ['dataWikilink', 'dataWikiCommunity'];

/** Holds the build's token on elements the wiki made; removed before anything is written. */
const MARK = 'dataWikiMarkup';

/**
 * Properties for an element the wiki makes. `token` is a secret of this build (the integration makes
 * one per process): author HTML parsed later cannot know it, so cannot pass for wiki markup.
 */
export function wikiOwned(properties: Properties, token: string | undefined): Properties {
  return token ? { ...properties, [MARK]: token } : properties;
}

/**
 * Right after raw HTML is parsed: elements without the token lose the wiki's classes and data
 * attributes; every element loses the token. With no token, nothing counts as the wiki's.
 */
export function dropForgedWikiMarkup(tree: Root, token: string | undefined): void {
  visit(tree, 'element', (node: Element) => {
    const props = node.properties;
    const owned = token !== undefined && props[MARK] === token;
    delete props[MARK];
    if (owned) return;
    for (const name of WIKI_DATA_PROPERTIES) delete props[name];
    if (Array.isArray(props.className)) {
      const kept = props.className.filter((c) => !WIKI_CLASSES.includes(String(c)));
      if (kept.length > 0) props.className = kept;
      else delete props.className;
    }
  });
}
