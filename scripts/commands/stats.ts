// Runs in Node: `npm run wiki -- stats [--json]`: communities, pages, people, contributions per month and community, knowledge at risk.
import { loadSiteHistory } from '../../src/integration/history-fs.ts';
import { formatStats, wikiStats } from '../../src/lib/site-view/stats.ts';
import { buildSiteView } from '../../src/lib/site-view/site-view.ts';
import { escaped, jsonForTerminal } from '../../src/lib/terminal-text.ts';
import { locatedOrThrow, type LocationResult } from '../../src/lib/location-fs.ts';
import { loadWiki } from '../../src/lib/wiki-fs.ts';

const USAGE = 'Usage: npm run wiki -- stats [--json] [--months N]';

/** Same sources and the same site view as the site: the content model and the history engine's result, keyed by page id. */
export async function run(argv: string[], located: LocationResult): Promise<number> {
  let json = false;
  let months = 12;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--months' && /^\d+$/.test(argv[i + 1] ?? '')) months = Number(argv[++i]);
    else {
      console.error(escaped`wiki stats: unknown option "${arg}"` + `\n${USAGE}`);
      return 2;
    }
  }
  const wiki = loadWiki(locatedOrThrow(located));
  const loaded = await loadSiteHistory(wiki);
  for (const warning of loaded.warnings) console.error(escaped`warning: ${warning}`);
  const view = buildSiteView({ config: wiki.config, model: wiki.model, history: loaded.history, today: wiki.location.today });
  const stats = wikiStats({ communities: wiki.model.communities, pages: wiki.model.pages, history: loaded.history }, view, months);
  console.log(json ? jsonForTerminal(stats) : formatStats(stats));
  return 0;
}
