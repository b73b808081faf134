// Runs in Node at build time: a Vite plugin that serves `Caps.MDX` under the name `Caps.mdx`, the only spelling Astro and MDX compile.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mdxFileFor } from '../lib/content/mdx-names.ts';

const pathOf = (id: string) => id.split('?')[0] ?? id;
const realFileOf = (id: string) => (path.isAbsolute(pathOf(id)) ? mdxFileFor(pathOf(id), existsSync) : undefined);

/**
 * The pages loader records an .mdx page under its lower-case module name (mdxModulePath); when no file
 * has that exact name, this plugin claims the name and loads the text of the file spelled otherwise.
 * Imports inside the page resolve from the same folder, as they would from the real file.
 */
export function mdxAnyCasePlugin() {
  return {
    name: 'cop-wiki-mdx-any-case',
    enforce: 'pre' as const,
    resolveId: (id: string) => (realFileOf(id) ? id : undefined),
    load: (id: string) => {
      const file = realFileOf(id);
      return file ? readFileSync(file, 'utf8') : undefined;
    },
  };
}
