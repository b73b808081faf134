// Runs in Node: `npm run wiki -- history [--repo DIR] [--content DIR] [--json]`, who contributed what, read from git.
import { historyOptionsOf } from '../../src/lib/config/history-options.ts';
import { historyFolderOf } from './history-folder.ts';
import { readHistoryReporting } from './history-walk.ts';
import type { PageHistory, RepositoryHistory, Revision } from '../../src/lib/history/types.ts';
import { escaped, jsonForTerminal } from '../../src/lib/terminal-text.ts';
import { locatedOrThrow, type LocationResult } from '../../src/lib/location-fs.ts';
import type { Progress } from '../../src/lib/progress.ts';
import { parseOrExitCode, readArgs, UsageError } from './usage.ts';

const USAGE = 'Usage: npm run wiki -- history [--repo DIR] [--content DIR] [--json]';

interface Args {
  repo?: string;
  content?: string;
  json: boolean;
}

function parse(argv: string[]): Args | 'help' {
  const { values } = readArgs({
    args: argv,
    options: { repo: { type: 'string' }, content: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  for (const flag of ['repo', 'content'] as const) if (values[flag] === '') throw new UsageError(`--${flag} needs a value`);
  if (values.help) return 'help';
  return { json: values.json ?? false, ...(values.repo ? { repo: values.repo } : {}), ...(values.content ? { content: values.content } : {}) };
}

/** The documented JSON: only these fields, in this order; the last three only when set, as the engine sets them. */
const revisionJson = (r: Revision) => ({
  commit: r.commit,
  date: r.date,
  author: { name: r.author.name, email: r.author.email },
  coAuthors: r.coAuthors.map((p) => ({ name: p.name, email: p.email })),
  message: r.message,
  path: r.path,
  added: r.added,
  removed: r.removed,
  merge: r.merge,
  ...(r.previousPath !== undefined ? { previousPath: r.previousPath } : {}),
  ...(r.copiedFrom !== undefined ? { copiedFrom: r.copiedFrom } : {}),
  ...(r.deleted !== undefined ? { deleted: r.deleted } : {}),
});

const pageJson = (p: PageHistory) => ({
  commits: p.commits,
  created: revisionJson(p.created),
  updated: revisionJson(p.updated),
  contributors: p.contributors.map((c) => ({ name: c.name, email: c.email, commits: c.commits, coAuthored: c.coAuthored, added: c.added, removed: c.removed, lines: c.lines })),
  revisions: p.revisions.map(revisionJson),
});

function historyJson(history: RepositoryHistory) {
  return {
    head: history.head,
    shallow: history.shallow,
    pages: Object.fromEntries(Object.entries(history.pages).map(([p, page]) => [p, pageJson(page)])),
  };
}

function summary(history: RepositoryHistory): string {
  const out: string[] = [];
  for (const page of Object.values(history.pages)) {
    const when = (r: Revision) => escaped`${r.date.slice(0, 10)} by ${r.author.name}`;
    out.push(escaped`${page.path}: ${page.commits} commit${page.commits === 1 ? '' : 's'}, created ${when(page.created)}, updated ${when(page.updated)}`);
    const top = page.contributors.slice(0, 3).map((c) => escaped`${c.name} (${c.lines} lines, ${c.commits} commits)`);
    if (top.length) out.push(`  ${top.join(', ')}`);
  }
  const s = history.stats;
  out.push(`${Object.keys(history.pages).length} pages, ${s?.commits ?? 0} commits${s ? ` (${s.processed} walked, ${s.ms} ms)` : ''}`);
  return out.join('\n');
}

export async function run(argv: string[], located: LocationResult, progress: Progress): Promise<number> {
  const args = parseOrExitCode(argv, parse, USAGE);
  if (typeof args === 'number') return args;
  const { config, location } = locatedOrThrow(located);
  const contentDir = historyFolderOf(args, location);
  // The wiki's own content folder is where the location says; other folders are located the same way.
  const content = contentDir || args.repo ? { contentDir: contentDir ?? location.contentDir, repoDir: args.repo } : { place: location };
  // Progress goes to stderr; stdout stays pure output.
  const history = await readHistoryReporting({ ...content, cacheDir: location.historyCache, ...historyOptionsOf(config) }, progress);
  for (const warning of history.warnings) console.error(escaped`wiki history: warning: ${warning}`);
  console.log(args.json ? jsonForTerminal(historyJson(history)) : summary(history));
  return 0;
}
