// Runs in Node: `npm run wiki -- stats [--json]`: communities, pages, people, contributions per month and community, knowledge at risk.
import { loadSiteHistory } from '../../src/integration/history-fs.ts';
import { formatStats, wikiStats } from '../../src/lib/site-view/stats.ts';
import { buildSiteView } from '../../src/lib/site-view/site-view.ts';
import { escaped, jsonForTerminal } from '../../src/lib/terminal-text.ts';
import { locatedOrThrow, type LocationResult } from '../../src/lib/location-fs.ts';
import { loadWiki } from '../../src/lib/wiki-fs.ts';
import { parseOrExitCode, readArgs, UsageError } from './usage.ts';

const USAGE = 'Usage: npm run wiki -- stats [--json] [--months N]';

function parse(argv: string[]): { json: boolean; months: number } | 'help' {
  const { values } = readArgs({
    args: argv,
    options: { json: { type: 'boolean' }, months: { type: 'string', default: '12' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (!/^\d+$/.test(values.months)) throw new UsageError(`--months must be a whole number (got "${values.months}")`);
  return values.help ? 'help' : { json: values.json ?? false, months: Number(values.months) };
}

/** Same sources and the same site view as the site: the content model and the history engine's result, keyed by page id. */
export async function run(argv: string[], located: LocationResult): Promise<number> {
  const options = parseOrExitCode(argv, parse, USAGE);
  if (typeof options === 'number') return options;
  const { json, months } = options;
  const wiki = loadWiki(locatedOrThrow(located));
  const loaded = await loadSiteHistory(wiki);
  for (const warning of loaded.warnings) console.error(escaped`warning: ${warning}`);
  const view = buildSiteView({ config: wiki.config, model: wiki.model, history: loaded.history, today: wiki.location.today });
  const stats = wikiStats({ communities: wiki.model.communities, pages: wiki.model.pages, history: loaded.history }, view, months);
  console.log(json ? jsonForTerminal(stats) : formatStats(stats));
  return 0;
}
