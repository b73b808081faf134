// Runs in Node after the build: reads every file the build wrote and checks each internal link of its HTML pages against them.
import type { AstroIntegrationLogger } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readBuiltPage, type BuiltPage } from '../lib/site/built-page-links.ts';
import { findDanglingLinks, type DanglingLink, type SiteAddress } from '../lib/site/dangling-links.ts';
import { danglingLinkLines, danglingLinksSummary, missingFragmentsSummary } from '../lib/site/dangling-links-report.ts';
import { BuildStoppedError } from './build-stop.ts';

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

/** Each HTML page is read, parsed and dropped in turn, so memory holds only its links and anchors. */
export function checkBuiltLinks(outDir: string, address: SiteAddress): BuiltLinksCheck {
  const started = performance.now();
  const files = filesUnder(outDir);
  const pages = new Map<string, BuiltPage>();
  let links = 0;
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const page = readBuiltPage(readFileSync(path.join(outDir, file), 'utf8'));
    links += page.links.length;
    pages.set(file, page);
  }
  const dangling = findDanglingLinks(pages, new Set(files), address);
  return { dangling, pages: pages.size, links, ms: Math.round(performance.now() - started) };
}

/**
 * Logs each dangling link, grouped, and stops the build when there is any: links the wiki wrote that land
 * nowhere are its own bug (a content link that stays broken renders as marked text, never as an href).
 */
export function stopOnDanglingLinks(logger: AstroIntegrationLogger, outDir: string, address: SiteAddress, cwd: string): void {
  const check = checkBuiltLinks(outDir, address);
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
  logger.info(`internal links: ${check.links} in ${check.pages} HTML files checked in ${check.ms} ms, ${landing}`);
}
