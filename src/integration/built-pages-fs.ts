// Runs in Node after the build: every page of the content model must have been written, or readers find it in navigation and get a 404.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { WikiPage } from '../lib/content/types.ts';
import { problem, type Problem } from '../lib/problems.ts';

/** A problem for each page of the model (or folder listing) with no index.html at its URL under `outDir`. */
export function pagesWithoutOutput(pages: readonly Pick<WikiPage, 'id' | 'file'>[], outDir: string): Problem[] {
  return pages
    .filter((page) => !existsSync(path.join(outDir, ...page.id.split('/'), 'index.html')))
    .map((page) => problem(page.file, `the build wrote no page for it at /${page.id}/, although the wiki lists it there: this is a bug of the wiki, please report it with the file's name`));
}
