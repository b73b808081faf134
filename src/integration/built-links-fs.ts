// Runs in Node after the build: reads every HTML file the build wrote and checks each internal link of it against the files of the site.
import type { AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readBuiltPage, type BuiltPage } from '../lib/site/built-page-links.ts';
import { cachedPage } from '../lib/site/built-links-cache.ts';
import { findDanglingLinks, type DanglingLink, type SiteAddress } from '../lib/site/dangling-links.ts';
import { danglingLinkLines, danglingLinksSummary, missingFragmentsSummary } from '../lib/site/dangling-links-report.ts';
import { BuildStoppedError } from './build-stop.ts';

export interface BuiltPages {
  /** Each HTML file's links and anchors, by its path under the build folder. */
  pages: Map<string, BuiltPage>;
  /** The same pages by the hash of their bytes: what the cache keeps for the next build. */
  byHash: Map<string, BuiltPage>;
  links: number;
  /** How many were parsed rather than taken from the cache. */
  parsed: number;
  ms: number;
}

export interface BuiltLinksCheck {
  dangling: DanglingLink[];
  pages: number;
  links: number;
  ms: number;
}

/** Every file under `outDir`, as paths with forward slashes; symbolic links are not followed (the build writes none). */
function filesUnder(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/**
 * Reads each HTML page in turn, parsing only those whose bytes the cache has not seen, so memory holds only
 * links and anchors. Each read awaits, so other work of the process (Pagefind's requests) goes on meanwhile.
 */
export async function readBuiltPages(outDir: string, cache: ReadonlyMap<string, unknown>): Promise<BuiltPages> {
  const started = performance.now();
  const pages = new Map<string, BuiltPage>();
  const byHash = new Map<string, BuiltPage>();
  let links = 0;
  let parsed = 0;
  for (const file of filesUnder(outDir)) {
    if (!file.endsWith('.html')) continue;
    const bytes = await readFile(path.join(outDir, file));
    const hash = createHash('sha1').update(bytes).digest('base64url');
    let page = byHash.get(hash) ?? cachedPage(cache, hash);
    if (!page) {
      page = readBuiltPage(bytes.toString('utf8'));
      parsed++;
    }
    byHash.set(hash, page);
    links += page.links.length;
    pages.set(file, page);
  }
  return { pages, byHash, links, parsed, ms: performance.now() - started };
}

/** Checks the pages read against every file under `outDir` now, so files written after they were read (the search index) count too. */
export function checkBuiltLinks(outDir: string, address: SiteAddress, read: BuiltPages): BuiltLinksCheck {
  const started = performance.now();
  const dangling = findDanglingLinks(read.pages, new Set(filesUnder(outDir)), address);
  return { dangling, pages: read.pages.size, links: read.links, ms: Math.round(read.ms + performance.now() - started) };
}

/**
 * Logs each dangling link, grouped, and stops the build when there is any: links the wiki wrote that land
 * nowhere are its own bug (a content link that stays broken renders as marked text, never as an href).
 */
export function stopOnDanglingLinks(logger: AstroIntegrationLogger, outDir: string, address: SiteAddress, cwd: string, read: BuiltPages): void {
  const check = checkBuiltLinks(outDir, address, read);
  const relative = path.relative(cwd, outDir).split(path.sep).join('/');
  const folder = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(outDir);
  const errors = check.dangling.filter((d) => d.severity === 'error');
  const warnings = check.dangling.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) {
    for (const line of danglingLinkLines(warnings, folder)) logger.warn(line);
    logger.warn(missingFragmentsSummary(warnings));
  }
  if (errors.length > 0) {
    for (const line of danglingLinkLines(errors, folder)) logger.error(line);
    throw new BuildStoppedError(danglingLinksSummary(errors));
  }
  const landing = warnings.length > 0 ? `only the ${warnings.length} warned about above land nowhere` : 'all land';
  const reused = read.pages.size - read.parsed;
  const cached = reused > 0 ? ` (${read.parsed} parsed, ${reused} unchanged since the last build)` : '';
  logger.info(`internal links: ${check.links} in ${check.pages} HTML files${cached} checked in ${check.ms} ms, ${landing}`);
}
