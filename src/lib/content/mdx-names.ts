// Runs anywhere: how an .mdx page's file is named to the build, and the names it cannot load, so `wiki check` and the build agree.
import { isMdxPath } from './page-rule.ts';
import type { ContentPath } from './paths.ts';

/** Every spelling of the extension but ".mdx". */
export const MDX_SPELLINGS = ['.MDX', '.Mdx', '.mDx', '.mdX', '.MDx', '.MdX', '.mDX'] as const;

/**
 * The name the build imports an .mdx page under: its extension in lower case, which is all Astro and
 * the MDX compiler recognise. `Caps.MDX` is compiled as `Caps.mdx`; the integration serves that name
 * from the real file. Other paths are returned as they are.
 */
export function mdxModulePath<P extends string>(path: P): P {
  return (isMdxPath(path) ? path.slice(0, -4) + '.mdx' : path) as P;
}

/** The file an .mdx module name stands for, among the spellings of its extension that `exists` finds. */
export function mdxFileFor(modulePath: string, exists: (path: string) => boolean): string | undefined {
  if (!modulePath.endsWith('.mdx') || exists(modulePath)) return undefined;
  const stem = modulePath.slice(0, -4);
  for (const ext of MDX_SPELLINGS) if (exists(stem + ext)) return stem + ext;
  return undefined;
}

const URL_MEANING: Record<string, string> = { '#': 'starts a fragment', '?': 'starts a query', '%': 'starts an escape' };

/**
 * Why an .mdx page cannot be built under this path, or undefined when it can. An .mdx page is compiled
 * to a module the build imports by its path, and Astro reads it through a URL: there "#", "?" and "%"
 * mean something, so the name is cut short or decoded into another. (Markdown pages are read by the wiki itself.)
 */
export function unloadableMdxName(path: ContentPath): string | undefined {
  const mark = /[#?%]/.exec(path)?.[0];
  if (mark) return `"${mark}" cannot appear in the path of an .mdx page: the build loads it by a URL, where "${mark}" ${URL_MEANING[mark]}; rename it (or make it .md)`;
  // "..mdx" is a page (page-rule.ts), but the file search that finds .mdx modules leaves out every name starting with ".".
  if (path.split('/').some((segment) => segment.startsWith('.'))) return `an .mdx page's name cannot start with "." (the build's search for .mdx files skips such names): rename it (or make it .md)`;
  return undefined;
}
