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
import { loadWiki, type LoadedWiki } from '../../src/lib/wiki-fs.ts';
import { codeownersTarget } from './codeowners-fs.ts';
import { mailmapFindings } from './mailmap-check-fs.ts';
import { parseOrExitCode, readArgs, UsageError } from './usage.ts';

const USAGE = 'Usage: npm run wiki -- check [--format text|github] [--base REV]';

function parse(argv: string[]): { format: CheckFormat; base?: string } | 'help' {
  const { values } = readArgs({
    args: argv,
    options: { format: { type: 'string', default: 'text' }, base: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  const format = values.format as CheckFormat;
  if (!CHECK_FORMATS.includes(format)) throw new UsageError(`--format must be one of: ${CHECK_FORMATS.join(', ')} (got "${values.format}")`);
  // --base: the commit whose .mailmap the working tree's is reviewed against (default HEAD).
  return values.help ? 'help' : { format, ...(values.base ? { base: values.base } : {}) };
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

function collect(located: LocatedWiki, progress: Progress): { findings: Finding[]; pages: number } {
  let wiki: LoadedWiki;
  const reading = progress.start('check', { verb: 'reading', unit: 'pages' });
  try {
    wiki = loadWiki(located);
    reading.end(`${count(wiki.model.pages.length)} pages read`);
  } catch (error) {
    if (error instanceof WikiContentError) return { findings: error.problems, pages: 0 };
    throw error;
  } finally {
    reading.clear();
  }
  const findings = checkFindings({
    problems: wiki.model.problems,
    pages: wiki.model.pages,
    today: wiki.location.today,
    codeowners: codeownersTarget(wiki),
    unpublished: wiki.model.unpublished,
    repository: wiki.config.repository,
    configFile: CONFIG_FILE,
    reviewByLine: reviewByLine(wiki.root),
  });
  return { findings, pages: wiki.model.pages.length };
}

export async function run(argv: string[], located: LocationResult, progress: Progress): Promise<number> {
  const options = parseOrExitCode(argv, parse, USAGE);
  if (typeof options === 'number') return options;
  const started = performance.now();
  // A config that cannot be read is reported like any other problem; the rest of the wiki's place is still known.
  const place = located.problems ? located : located.location;
  const { findings, pages } = located.problems ? { findings: [...located.problems], pages: 0 } : collect(located, progress);
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
