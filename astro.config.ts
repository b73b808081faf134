// Runs in Node: Astro's configuration; everything wiki-specific comes from wiki.config.yml through the integration.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import wiki from './src/integration/index.ts';

export default defineConfig({
  integrations: [wiki(), mdx()],
  // Astro's own folders, not the wiki's location (src/lib/location-fs.ts): the output, and Astro's cache (the content store), which each test build keeps apart.
  ...(process.env.WIKI_OUT_DIR ? { outDir: process.env.WIKI_OUT_DIR } : {}),
  ...(process.env.WIKI_CACHE_DIR ? { cacheDir: process.env.WIKI_CACHE_DIR } : {}),
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
