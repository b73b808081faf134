// Runs in Node: `npm run bench -- check [--pages N] [--commits M] [--communities C] [--runs R] [--dir DIR] [--skip-build]` times `wiki check`
// cold and warm on a synthetic community repository (issue 13's shape), against `git log --numstat` and `astro build` of the same checkout.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cachedRepo } from './cached-repo.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Bump when the generator's output changes for the same options, so cached repositories are made again. */
const GENERATOR_VERSION = 1;

interface Run {
  seconds: number;
  status: number | null;
  output: string;
}

function timed(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { seconds: (performance.now() - started) / 1000, status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function mustPass(what: string, run: Run): Run {
  if (run.status !== 0) throw new Error(`${what} failed (exit ${run.status}):\n${run.output.slice(-2000)}`);
  return run;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
/** The check's report without the summary line, which says how long it took. */
const findingsOf = (output: string) => output.replace(/\n[^\n]*\(\d+\.\d\d s\)\n?$/, '');

export default async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      pages: { type: 'string', default: '1000' },
      commits: { type: 'string', default: '15000' },
      communities: { type: 'string', default: '24' },
      runs: { type: 'string', default: '3' },
      dir: { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
    },
    strict: false,
  });
  const root = typeof values.dir === 'string' ? path.resolve(values.dir) : path.join(tmpdir(), 'wiki-check-bench');
  mkdirSync(root, { recursive: true });
  const runs = Number(values.runs);
  // Issue 13: a community's repository at the repository root, one folder per community with its community.yml,
  // pages reorganised into group folders (stubs left behind), some begun from templates (the history bench's community size).
  const spec = {
    pages: Number(values.pages),
    commits: Number(values.commits),
    authors: 80,
    seed: 1,
    communities: Number(values.communities),
    communityFiles: true,
    moveRate: 0.03,
    reorganisations: 12,
    reorganisationSize: 300,
    stubRate: 0.5,
    templateRate: 0.3,
    sectionMoveRate: 0.05,
    contentDir: '.',
    rich: true,
    checkout: true,
  };
  const repo = await cachedRepo(root, 'community', spec, GENERATOR_VERSION);
  const work = mkdtempSync(path.join(root, 'work-'));
  try {
    const wikiDir = path.join(work, 'wiki');
    execFileSync('git', ['clone', '-q', repo, wikiDir]);
    const cache = path.join(work, 'cache');
    const env = {
      WIKI_ROOT: wikiDir,
      WIKI_CONTENT: wikiDir,
      WIKI_HISTORY_CACHE: cache,
      WIKI_OUT_DIR: path.join(work, 'dist'),
      WIKI_CACHE_DIR: path.join(work, 'astro-cache'),
      WIKI_TODAY: '2026-01-15',
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    const wiki = (...rest: string[]) => timed(process.execPath, [path.join(projectRoot, 'scripts/wiki.ts'), ...rest], projectRoot, env);
    // CODEOWNERS from the stewards, committed, so the check passes as a wiki's own would.
    mustPass('wiki codeowners', wiki('codeowners'));
    execFileSync('git', ['-C', wikiDir, 'add', '.github/CODEOWNERS']);
    execFileSync('git', ['-C', wikiDir, '-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', 'commit', '-q', '-m', 'CODEOWNERS']);
    const pages = execFileSync('git', ['-C', wikiDir, 'ls-files', '*.md'], { encoding: 'utf8' }).split('\n').filter((f) => f.startsWith('community-'));
    const edited = path.join(wikiDir, pages[Math.floor(pages.length / 2)]!);
    const original = readFileSync(edited, 'utf8');

    const cold: number[] = [];
    const warm: number[] = [];
    const gitLog: number[] = [];
    for (let r = 1; r <= runs; r++) {
      rmSync(cache, { recursive: true, force: true });
      const first = mustPass('wiki check (cold)', wiki('check'));
      cold.push(first.seconds);
      // Warm as in a pull request's second push: the outlines kept, one page changed in the working tree.
      writeFileSync(edited, `${original}\nOne more paragraph, written for check benchmark run ${r}.\n`);
      warm.push(mustPass('wiki check (warm)', wiki('check')).seconds);
      writeFileSync(edited, original);
      // Unchanged content, read from the cache, must be reported exactly as read afresh.
      const again = mustPass('wiki check (cached)', wiki('check'));
      if (findingsOf(again.output) !== findingsOf(first.output)) throw new Error('wiki check reported other findings from its cache than cold');
      gitLog.push(mustPass('git log', timed('git', ['-C', wikiDir, 'log', '--numstat', '--format=%H %ae'], wikiDir)).seconds);
      console.error(`  run ${r}/${runs}: check cold ${cold.at(-1)!.toFixed(2)} s, warm ${warm.at(-1)!.toFixed(2)} s; git log --numstat ${gitLog.at(-1)!.toFixed(2)} s`);
    }
    const build = values['skip-build'] ? undefined : mustPass('astro build', timed(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], projectRoot, env));

    const commits = execFileSync('git', ['-C', wikiDir, 'rev-list', '--count', 'HEAD'], { encoding: 'utf8' }).trim();
    console.log(`community repository: ${pages.length} pages in ${values.communities} community folders at the repository root, ${commits} commits (${repo})`);
    const [c, w, g] = [median(cold), median(warm), median(gitLog)];
    const rows = [
      ['wiki check cold (no outline cache)', c],
      ['wiki check warm (cache kept, one page edited)', w],
      ['git log --numstat (reference)', g],
      ...(build ? [['astro build, cold (reference, 1 run)', build.seconds] as const] : []),
    ] as const;
    for (const [what, s] of rows) console.log(`${what.padEnd(48)} ${s.toFixed(2).padStart(7)} s`);
    console.log(`check / git log: cold ${(c / g).toFixed(1)}, warm ${(w / g).toFixed(1)}`);
    if (build) console.log(`check / build:   cold ${(c / build.seconds).toFixed(3)}, warm ${(w / build.seconds).toFixed(3)} (the build is ${(build.seconds / c).toFixed(0)}x a cold check)`);
    console.log(`\nmedian of ${runs} run${runs === 1 ? '' : 's'}; targets (issue 13): check cold within 15 s, warm within 5 s; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
