// Runs in Node: keeps the built-link check's cache in one file of Astro's cache folder, written whole through a temporary file.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BuiltPage } from '../lib/site/built-page-links.ts';
import { readBuiltLinksCache, writeBuiltLinksCache } from '../lib/site/built-links-cache.ts';

const FILE = 'cop-wiki-built-links.json';

/** The cached pages, or none when the file is missing or unreadable: the check then parses every page. */
export function loadBuiltLinksCache(cacheDir: string): Map<string, unknown> {
  let text: string | undefined;
  try {
    text = readFileSync(path.join(cacheDir, FILE), 'utf8');
  } catch {
    text = undefined;
  }
  return readBuiltLinksCache(text);
}

/** Writes this build's pages; a failure is returned as a message (a build does not fail for its cache). */
export function saveBuiltLinksCache(cacheDir: string, pages: ReadonlyMap<string, BuiltPage>): string | undefined {
  const file = path.join(cacheDir, FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(tmp, writeBuiltLinksCache(pages));
    renameSync(tmp, file);
    return undefined;
  } catch (error) {
    rmSync(tmp, { force: true });
    return `the built-link cache could not be written to ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
