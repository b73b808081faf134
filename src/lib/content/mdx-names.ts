// Runs anywhere: the .mdx file names the build cannot load, with the reason, so `wiki check` and the build refuse the same files.
import { splitContentPath, stripExtension, type ContentPath } from './paths.ts';

/**
 * Why an .mdx page cannot be built under this path, or undefined when it can. An .mdx page is compiled
 * to a module that Vite imports by its file name: Astro and the MDX compiler only recognise ".mdx" in
 * lower case, and in a module name "#" starts a fragment and "?" a query, so the name is cut short.
 * (Markdown pages are read by the wiki itself and have neither limit.)
 */
export function unloadableMdxName(path: ContentPath): string | undefined {
  const { file } = splitContentPath(path);
  if (!file.endsWith('.mdx')) return `.mdx pages must end in ".mdx" in lower case, or the build skips them: rename it to "${stripExtension(file)}.mdx"`;
  const mark = /[#?]/.exec(path)?.[0];
  if (mark) return `"${mark}" cannot appear in the path of an .mdx page: the build loads it as a module, where "${mark}" cuts the name short; rename it (or make it .md)`;
  return undefined;
}
