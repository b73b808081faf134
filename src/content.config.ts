// Runs in Node at build time: the pages collection, read from the configured content folder with the same ids the model uses.
import { defineCollection } from 'astro:content';
import path from 'node:path';
import { wikiPagesLoader } from './integration/pages-loader-fs.ts';
import { contentRule } from './lib/content/page-rule.ts';
import { locatedOrThrow, resolveWikiLocation } from './lib/location-fs.ts';
import { stderrProgress } from './lib/progress-fs.ts';

// Astro loads this file itself, so it is an edge too: it resolves the location the one way the integration does.
const { config, location } = locatedOrThrow(resolveWikiLocation({ cwd: process.cwd(), env: process.env, now: new Date() }));
const { contentDir, root } = location;
const fileLabel = (entry: string) => path.relative(root, path.join(contentDir, entry)).split(path.sep).join('/');

// Front matter is validated (with file:line messages) by the content model before Astro reads it,
// so the collection takes the data as it is and the model is the one source of page metadata.
export const collections = {
  pages: defineCollection({
    loader: wikiPagesLoader({ contentDir, defaultCommunity: config.defaultCommunity.slug, fileLabel, rule: contentRule(config.exclude), progress: (line) => stderrProgress(process.env, line) }),
  }),
};
