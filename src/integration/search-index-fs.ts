// Runs in Node after the build: indexes the written pages with Pagefind's Node API into <outDir>/pagefind/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexSummary {
  /** Pages in the index, every language together. */
  pages: number;
  /** Pages per language index, as Pagefind split them by `<html lang>`. */
  languages: Record<string, number>;
  ms: number;
}

/** Pagefind answers with a list of errors rather than throwing; a build with a broken index must fail. */
function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/**
 * Pages mark what is searchable with data-pagefind-body (title, summary, text), so navigation,
 * attribution and pages without it (lists, tags, search) stay out of the index. Pagefind writes one
 * index per `<html lang>`, stemmed for that language; the browser script searches them all.
 */
export async function buildSearchIndex(outDir: string): Promise<SearchIndexSummary> {
  const started = performance.now();
  const outputPath = path.join(outDir, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    check('start', errors);
    if (!index) throw new Error('Pagefind could not start: no index was created');
    check(`index ${outDir}`, (await index.addDirectory({ path: outDir })).errors);
    check(`write ${outputPath}`, (await index.writeFiles({ outputPath })).errors);
  } finally {
    await pagefind.close();
  }
  // The count of pages actually indexed is in the entry file; addDirectory counts every HTML file it read.
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const languages = Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]));
  const pages = Object.values(languages).reduce((sum, n) => sum + n, 0);
  return { pages, languages, ms: Math.round(performance.now() - started) };
}

/** The build log's one line: "search index: 27 pages (en 26, fr 1) in 81 ms". */
export const describeSearchIndex = ({ pages, languages, ms }: SearchIndexSummary): string =>
  `search index: ${pages} page${pages === 1 ? '' : 's'} (${Object.entries(languages).map(([l, n]) => `${l} ${n}`).join(', ')}) in ${ms} ms`;
