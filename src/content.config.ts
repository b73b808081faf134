// Runs in Node at build time: the pages collection, read from the configured content folder with the same ids the model uses.
import { defineCollection } from 'astro:content';
import { wikiPagesLoader } from './integration/pages-loader-fs.ts';
import { loadWikiConfig } from './lib/wiki-fs.ts';

const { config, contentDir } = loadWikiConfig();

// Front matter is validated (with file:line messages) by the content model before Astro reads it,
// so the collection takes the data as it is and the model is the one source of page metadata.
export const collections = {
  pages: defineCollection({ loader: wikiPagesLoader({ contentDir, defaultCommunity: config.defaultCommunity.slug }) }),
};
