// Runs in Node: `wiki check [--format text|github] [--base REV]`, what a reviewer needs in seconds without building the site.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../../src/lib/config/load-fs.ts';
import { checkFindings } from '../../src/lib/contributing/check.ts';
import { CHECK_FORMATS, countBySeverity, formatGithub, formatText, sortFindings, summaryLine, type CheckFormat, type Finding } from '../../src/lib/contributing/check-report.ts';
import { WikiContentError } from '../../src/lib/problems.ts';
import { fromRepositoryRoot } from '../../src/lib/location.ts';
import type { LocatedWiki, LocationResult } from '../../src/lib/location-fs.ts';
import { count, type Progress } from '../../src/lib/progress.ts';
import { modelWiki, readWikiFiles, type LoadedWiki } from '../../src/lib/wiki-fs.ts';
import { codeownersTarget } from './codeowners-fs.ts';
import { mailmapFindings } from './mailmap-check-fs.ts';
import { placeOutlineCache } from './outline-cache-place-fs.ts';
import { parseOrExitCode, readArgs, UsageError } from './usage.ts';

const USAGE = 'Usage: npm run wiki -- check [--format text|github] [--base REV] [--no-cache]';

interface CheckOptions {
  format: CheckFormat;
  base?: string;
  /** False: every page is parsed afresh and no outline cache is read or written. */
  cache: boolean;
}

function parse(argv: string[]): CheckOptions | 'help' {
  const { values } = readArgs({
    args: argv,
    options: { format: { type: 'string', default: 'text' }, base: { type: 'string' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  const format = values.format as CheckFormat;
  if (!CHECK_FORMATS.includes(format)) throw new UsageError(`--format must be one of: ${CHECK_FORMATS.join(', ')} (got "${values.format}")`);
  // --base: the commit whose .mailmap the working tree's is reviewed against (default HEAD).
  return values.help ? 'help' : { format, cache: !values['no-cache'], ...(values.base ? { base: values.base } : {}) };
}

/** The line of `review-by:` in a page's front matter; read only for the few pages that are overdue. */
function reviewByLine(root: string) {
  return (file: string): number | undefined => {
    try {
      const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
      const index = lines.findIndex((l) => /^review-by\s*:/.test(l));
      return index === -1 ? undefined : index + 1;
    } catch {
      return undefined;
    }
  };
}

/** `cache`: keep page outlines between runs (outline-cache-place-fs.ts); unchanged pages are then not parsed again. */
async function collect(located: LocatedWiki, progress: Progress, cache: boolean): Promise<{ findings: Finding[]; pages: number }> {
  let wiki: LoadedWiki;
  const outlines = await placeOutlineCache(located.location, cache);
  const reading = progress.start('check', { verb: 'reading', unit: 'pages' });
  try {
    const files = readWikiFiles(located);
    await outlines.cache.readAhead(files.discovered.pages);
    wiki = modelWiki(files, { outlineOf: outlines.cache.outlineOf });
    reading.end(`${count(wiki.model.pages.length)} pages read`);
  } catch (error) {
    if (error instanceof WikiContentError) return { findings: error.problems, pages: 0 };
    throw error;
  } finally {
    reading.clear();
  }
  const findings = outlines.finish();
  findings.push(...checkFindings({
    problems: wiki.model.problems,
    pages: wiki.model.pages,
    today: wiki.location.today,
    codeowners: codeownersTarget(wiki),
    unpublished: wiki.model.unpublished,
    repository: wiki.config.repository,
    configFile: CONFIG_FILE,
    reviewByLine: reviewByLine(wiki.root),
  }));
  return { findings, pages: wiki.model.pages.length };
}

export async function run(argv: string[], located: LocationResult, progress: Progress): Promise<number> {
  const options = parseOrExitCode(argv, parse, USAGE);
  if (typeof options === 'number') return options;
  const started = performance.now();
  // A config that cannot be read is reported like any other problem; the rest of the wiki's place is still known.
  const place = located.problems ? located : located.location;
  const { findings, pages } = located.problems ? { findings: [...located.problems], pages: 0 } : await collect(located, progress, options.cache);
  const mailmap = progress.start('check', { verb: 'checking', unit: '.mailmap' });
  findings.push(...(await mailmapFindings(place, options.base)));
  mailmap.end('.mailmap checked');
  const sorted = sortFindings(findings);
  if (options.format === 'github') {
    // Annotations name files from the repository root, where GitHub looks for them.
    for (const f of sorted) console.log(formatGithub({ ...f, file: fromRepositoryRoot(place, f.file) }));
  } else {
    for (const f of sorted) console.log(formatText(f));
  }
  console.log(summaryLine(sorted, pages, (performance.now() - started) / 1000));
  return countBySeverity(sorted).error > 0 ? 1 : 0;
}
