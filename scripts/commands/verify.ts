// Runs in Node: `npm run wiki -- verify [--repo R] [--content C] [--sample N] [--no-moved-text]`, how far the history engine agrees with native git.
import { historyOptionsOf } from '../../src/lib/config/history-options.ts';
import { historyFolderOf } from './history-folder.ts';
import { botMatcher } from '../../src/lib/history/identities.ts';
import { readHistoryReporting } from './history-walk.ts';
import { gitAuthors, gitFailure, gitPageFacts } from '../../src/lib/history/verify-git-fs.ts';
import { agreementOf, joinedEmailKeys, comparePage, lowestAgreement, percent, samplePaths, type Agreement, type EngineAuthorOf, type PageVerdict } from '../../src/lib/history/verify.ts';
import type { Person, RepositoryHistory } from '../../src/lib/history/types.ts';
import { escaped } from '../../src/lib/terminal-text.ts';
import { locateContent, locatedOrThrow, type LocationResult } from '../../src/lib/location-fs.ts';
import type { Progress } from '../../src/lib/progress.ts';
import { parseOrExitCode, readArgs, UsageError } from './usage.ts';

const USAGE = 'Usage: npm run wiki -- verify [--repo DIR] [--content DIR] [--sample N] [--seed S] [--min-agreement P] [--no-moved-text]';

interface Args {
  repo?: string;
  content?: string;
  sample?: number;
  seed: string;
  minAgreement?: number;
  /** Compare with plain `git blame` (no moved-text credit) instead of `git blame -C`. */
  movedText: boolean;
}

function parse(argv: string[]): Args | 'help' {
  const { values } = readArgs({
    args: argv,
    options: {
      repo: { type: 'string' },
      content: { type: 'string' },
      sample: { type: 'string' },
      seed: { type: 'string', default: 'wiki verify' },
      'min-agreement': { type: 'string' },
      'no-moved-text': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  for (const flag of ['repo', 'content'] as const) if (values[flag] === '') throw new UsageError(`--${flag} needs a value`);
  if (values.sample !== undefined && !/^[1-9]\d*$/.test(values.sample)) throw new UsageError(`--sample must be a whole number above 0 (got "${values.sample}")`);
  const min = values['min-agreement'];
  if (min !== undefined && !(/^\d+(\.\d+)?$/.test(min) && Number(min) <= 100)) throw new UsageError(`--min-agreement must be a percentage from 0 to 100 (got "${min}")`);
  if (values.help) return 'help';
  return {
    seed: values.seed,
    movedText: values['no-moved-text'] !== true,
    ...(values.repo ? { repo: values.repo } : {}),
    ...(values.content ? { content: values.content } : {}),
    ...(values.sample ? { sample: Number(values.sample) } : {}),
    ...(min !== undefined ? { minAgreement: Number(min) } : {}),
  };
}

/** Every commit the engine credited on any page; the rest (text carried from outside the pages) is asked of git. */
async function engineAuthors(history: RepositoryHistory, repoDir: string, wanted: readonly string[], isBot: (p: Person) => boolean): Promise<EngineAuthorOf> {
  const known = new Map<string, { person: Person; bot: boolean }>();
  for (const page of Object.values(history.pages)) for (const r of page.revisions) known.set(r.commit, { person: r.author, bot: r.bot === true });
  const unknown = [...new Set(wanted)].filter((c) => !known.has(c));
  if (unknown.length > 0) {
    for (const [commit, c] of await gitAuthors(repoDir, unknown)) {
      const person = { name: c.name, email: c.email.toLowerCase() };
      known.set(commit, { person, bot: isBot(person) || isBot({ name: c.rawName, email: c.rawEmail }) });
    }
  }
  return (commit) => known.get(commit);
}

function report(agreement: Agreement, verdicts: readonly PageVerdict[], scope: string, blame: string): string {
  const row = (label: string, n: number) => `  ${label.padEnd(40)} ${percent(agreement.pages ? n / agreement.pages : 1).padStart(6)}  (${n} of ${agreement.pages})`;
  const out = [
    `wiki verify: ${scope}`,
    row('commits agree with git log --follow', agreement.commits),
    row('authors agree', agreement.authors),
    row('created agrees', agreement.created),
    row('updated agrees', agreement.updated),
    row(`lines per author within 5% of ${blame.replace(/^git /, '')}`, agreement.lines),
    `  lines that differ from ${blame} line for line: ${agreement.linesDiffer} of ${agreement.lineCount} (on ${agreement.pagesWithLinesDiffering} pages)`,
  ];
  const differing = verdicts.filter((v) => v.reasons.length > 0);
  if (differing.length > 0) {
    out.push('', `Pages that differ (${differing.length}):`);
    for (const v of differing) out.push(escaped`  ${v.path}: ${v.reasons.join(' | ')}`);
  }
  return out.join('\n');
}

export async function run(argv: string[], located: LocationResult, progress: Progress): Promise<number> {
  const args = parseOrExitCode(argv, parse, USAGE);
  if (typeof args === 'number') return args;
  const { config, location } = locatedOrThrow(located);
  const contentDir = historyFolderOf(args, location);
  const place = contentDir || args.repo ? locateContent(contentDir ?? location.contentDir, args.repo) : location;
  const repoDir = place.repository?.workdir;
  const history = await readHistoryReporting({ place, cacheDir: location.historyCache, ...historyOptionsOf(config), movedText: args.movedText }, progress);
  for (const warning of history.warnings) console.error(escaped`wiki verify: warning: ${warning}`);
  if (!repoDir || !history.head) {
    console.log('wiki verify: no history to compare');
    return 0;
  }
  const isBot = botMatcher(config.bots, config.identities.notBots);
  const all = Object.keys(history.pages);
  const chosen = samplePaths(all, args.sample, args.seed);
  const facts = [];
  const unchecked: { file: string; reason: string }[] = [];
  // Progress goes to stderr: stdout stays the report.
  const asking = progress.start('verify', { verb: 'asking git about', unit: 'pages', total: chosen.length });
  for (const [k, file] of chosen.entries()) {
    try {
      facts.push({ file, git: await gitPageFacts(repoDir, history.head, file, args.movedText) });
    } catch (error) {
      // A repository with missing objects (a partial mirror) costs that page its check, not the run.
      unchecked.push({ file, reason: gitFailure(error) });
    }
    asking.update(k + 1);
  }
  asking.end();
  const authorOf = await engineAuthors(history, repoDir, facts.flatMap((f) => history.pages[f.file]!.lineCommits), isBot);
  // People the engine joined (one name, two emails) are one person on git's side too.
  const sameAs = joinedEmailKeys(Object.values(history.pages));
  const verdicts = facts.map(({ file, git }) => comparePage(history.pages[file]!, git, authorOf, isBot, sameAs));
  const agreement = agreementOf(verdicts);
  const scope = escaped`${chosen.length === all.length ? `all ${all.length}` : `${chosen.length} of ${all.length} (seed "${args.seed}")`} pages at ${history.head.slice(0, 7)} in ${repoDir}`;
  console.log(report(agreement, verdicts, scope, args.movedText ? 'git blame -C' : 'git blame'));
  const plain = facts.filter((f) => f.git.blameWithoutCopies);
  if (plain.length > 0) {
    console.log(escaped`\n${plain.length} pages compared with plain blame, since blame -C failed (e.g. ${plain[0]!.file}: ${plain[0]!.git.blameWithoutCopies ?? ''})`);
  }
  if (unchecked.length > 0) {
    console.log(`\nPages git could not answer for, left out of the figures (${unchecked.length}):`);
    for (const u of unchecked) console.log(escaped`  ${u.file}: ${u.reason}`);
  }
  if (args.minAgreement !== undefined && lowestAgreement(agreement) * 100 < args.minAgreement) {
    console.error(`wiki verify: agreement ${percent(lowestAgreement(agreement))} is below --min-agreement ${args.minAgreement}%`);
    return 1;
  }
  return 0;
}
