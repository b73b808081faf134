// Runs in Node: `npm run bench -- build [--pages N] [--commits M] [--authors K] [--runs R] [--dir DIR]` builds the same synthetic wiki
// (rich Markdown in a seeded git history) with this wiki and with Astro Starlight, cold and after one new commit, and prints the ratios.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cachedRepo } from './cached-repo.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Starlight and the Astro it builds with, installed by the benchmark in a folder of its own, never a dependency of the wiki. */
const STARLIGHT = '0.42.4';
const STARLIGHT_ASTRO = '7.3.5';
/** Bump when the generator's output changes for the same options, so cached repositories are made again. */
const GENERATOR_VERSION = 1;
/** Where the pages sit in the generated repository: Starlight's docs folder, so both builds read the same checkout layout. */
const DOCS = 'src/content/docs';
const TIME = '/usr/bin/time';

interface Measure {
  seconds: number;
  rssBytes: number | null;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function run(what: string, command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${`${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-4000)}`);
  return result.stdout;
}

/** One `astro build` in its own process: wall time, and the peak RSS GNU time reads from the child's rusage (the largest process of its tree). */
function timedBuild(what: string, cwd: string, env: Record<string, string>, log: string): Measure {
  const astro = path.join(cwd === projectRoot ? projectRoot : cwd, 'node_modules/astro/bin/astro.mjs');
  const timeFile = path.join(tmpdir(), `wiki-build-bench-time-${process.pid}`);
  const withTime = existsSync(TIME);
  const [command, args] = withTime ? [TIME, ['-f', '%M', '-o', timeFile, process.execPath, astro, 'build']] : [process.execPath, [astro, 'build']];
  const started = performance.now();
  const output = run(what, command, args, cwd, { ASTRO_TELEMETRY_DISABLED: '1', ...env });
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(log, output);
  const rssBytes = withTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) * 1024 : null;
  rmSync(timeFile, { force: true });
  return { seconds, rssBytes };
}

/** Starlight's packages, installed once per version pair under `root`. */
function starlightInstall(root: string): string {
  const dir = path.join(root, `starlight-${STARLIGHT}-astro-${STARLIGHT_ASTRO}`);
  const marker = path.join(dir, 'node_modules', '.bench-installed');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = { name: 'starlight-bench', private: true, type: 'module', dependencies: { '@astrojs/starlight': STARLIGHT, astro: STARLIGHT_ASTRO }, allowScripts: { esbuild: true } };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.error(`installing @astrojs/starlight@${STARLIGHT} astro@${STARLIGHT_ASTRO} in ${dir} …`);
  // The npm that runs this benchmark, with this Node first on the PATH (Astro needs Node 22.12 or later).
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, 'install', '--no-audit', '--no-fund']] : ['npm', ['install', '--no-audit', '--no-fund']];
  run('npm install (Starlight)', command, args, dir, { PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` });
  writeFileSync(marker, `${STARLIGHT} ${STARLIGHT_ASTRO}\n`);
  return dir;
}

/** A Starlight project around a clone of the repository: the minimal config, Pagefind on (Starlight's default), last-updated dates from git. */
function writeStarlightProject(dir: string, install: string): void {
  // Its dependencies named, or Vite does not know to bundle Starlight and Node is left to load `astro:content` itself.
  writeFileSync(path.join(dir, 'package.json'), readFileSync(path.join(install, 'package.json')));
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      '',
      "export default defineConfig({ cacheDir: './.bench-cache', integrations: [starlight({ title: 'Synthetic wiki', lastUpdated: true })] });",
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      '',
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
  );
  // Moved in (and back at the end), not linked, so the project looks as an installed one does.
  renameSync(path.join(install, 'node_modules'), path.join(dir, 'node_modules'));
}

const git = (dir: string, args: string[], env: Record<string, string> = {}) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } }).trim();

/** The same one-page edit, committed by the same person at the same time, in each clone: what a warm build starts from. */
function commitOneEdit(dir: string, page: string, run: number): void {
  const file = path.join(dir, page);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nOne more paragraph, written for build benchmark run ${run}.\n`);
  const when = '2026-01-02T10:00:00+00:00';
  const who = { GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org', GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  git(dir, ['commit', '-q', '-m', 'Benchmark edit', '--', page], who);
}

function countHtml(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) n++;
  return n;
}

const secs = (s: number) => `${s.toFixed(1)} s`;
const mib = (b: number | null) => (b === null ? 'n/a' : `${(b / 1024 / 1024).toFixed(0)} MiB`);
const ratio = (a: number | null, b: number | null) => (a === null || b === null ? 'n/a' : `${(a / b).toFixed(2)}`);

export default async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      pages: { type: 'string', default: '1000' },
      commits: { type: 'string', default: '10000' },
      authors: { type: 'string', default: '40' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      dir: { type: 'string' },
    },
    strict: false,
  });
  const root = typeof values.dir === 'string' ? path.resolve(values.dir) : path.join(tmpdir(), 'wiki-build-bench');
  mkdirSync(root, { recursive: true });
  const runs = Number(values.runs);
  const spec = { pages: Number(values.pages), commits: Number(values.commits), authors: Number(values.authors), seed: Number(values.seed), rich: true, contentDir: DOCS, checkout: true };
  const repo = await cachedRepo(root, 'repo', spec, GENERATOR_VERSION);
  const install = starlightInstall(root);
  const head = git(repo, ['rev-parse', 'HEAD']);

  const work = mkdtempSync(path.join(root, 'work-'));
  try {
    const wikiDir = path.join(work, 'wiki');
    const starDir = path.join(work, 'starlight');
    for (const dir of [wikiDir, starDir]) git(root, ['clone', '-q', repo, dir]);
    writeStarlightProject(starDir, install);
    const wikiEnv = {
      WIKI_ROOT: wikiDir,
      WIKI_CONTENT: path.join(wikiDir, DOCS),
      WIKI_OUT_DIR: path.join(work, 'wiki-dist'),
      WIKI_CACHE_DIR: path.join(work, 'wiki-astro-cache'),
      WIKI_HISTORY_CACHE: path.join(work, 'wiki-history-cache'),
      WIKI_TODAY: '2026-01-15',
    };
    const wikiCaches = [wikiEnv.WIKI_OUT_DIR, wikiEnv.WIKI_CACHE_DIR, wikiEnv.WIKI_HISTORY_CACHE];
    const starCaches = ['dist', '.astro', '.bench-cache'].map((d) => path.join(starDir, d));
    const pages = git(repo, ['ls-tree', '-r', '--name-only', 'HEAD', DOCS]).split('\n').filter((p) => p.endsWith('.md'));
    const edited = pages[Math.floor(pages.length / 2)]!;
    const commits = Number(git(repo, ['rev-list', '--count', 'HEAD']));
    const authors = new Set(git(repo, ['log', '--format=%ae']).split('\n')).size;
    const renames = git(repo, ['log', '--diff-filter=R', '-M', '--name-status', '--format=', '--', DOCS]).split('\n').filter(Boolean).length;
    console.log(`content: ${pages.length} pages, ${commits} commits, ${authors} authors, ${renames} renames (${repo}); warm runs edit ${edited}`);

    const results: Record<'wiki' | 'starlight', Record<'cold' | 'warm', Measure[]>> = { wiki: { cold: [], warm: [] }, starlight: { cold: [], warm: [] } };
    const logs = path.join(root, 'logs');
    mkdirSync(logs, { recursive: true });
    for (let r = 1; r <= runs; r++) {
      for (const dir of [wikiDir, starDir]) git(dir, ['reset', '-q', '--hard', head]);
      for (const dir of [...wikiCaches, ...starCaches]) rmSync(dir, { recursive: true, force: true });
      results.wiki.cold.push(timedBuild('wiki build (cold)', projectRoot, wikiEnv, path.join(logs, `wiki-cold-${r}.log`)));
      results.starlight.cold.push(timedBuild('Starlight build (cold)', starDir, {}, path.join(logs, `starlight-cold-${r}.log`)));
      if (r === 1) console.log(`built: wiki ${countHtml(wikiEnv.WIKI_OUT_DIR)} HTML files, Starlight ${countHtml(path.join(starDir, 'dist'))} HTML files (build logs in ${logs})`);
      for (const dir of [wikiDir, starDir]) commitOneEdit(dir, edited, r);
      results.wiki.warm.push(timedBuild('wiki build (warm)', projectRoot, wikiEnv, path.join(logs, `wiki-warm-${r}.log`)));
      results.starlight.warm.push(timedBuild('Starlight build (warm)', starDir, {}, path.join(logs, `starlight-warm-${r}.log`)));
      const last = (m: Measure[]) => `${secs(m.at(-1)!.seconds)} ${mib(m.at(-1)!.rssBytes)}`;
      console.error(`  run ${r}/${runs}: wiki cold ${last(results.wiki.cold)}, warm ${last(results.wiki.warm)}; Starlight cold ${last(results.starlight.cold)}, warm ${last(results.starlight.warm)}`);
    }

    const pick = (m: Measure[]) => ({ seconds: median(m.map((x) => x.seconds)), rss: m.some((x) => x.rssBytes === null) ? null : median(m.map((x) => x.rssBytes!)) });
    const rows = (['cold', 'warm'] as const).map((kind) => {
      const w = pick(results.wiki[kind]);
      const s = pick(results.starlight[kind]);
      return [kind, secs(w.seconds), secs(s.seconds), ratio(w.seconds, s.seconds), mib(w.rss), mib(s.rss), ratio(w.rss, s.rss)];
    });
    const header = ['build', 'wiki wall', 'Starlight wall', 'wall wiki/Starlight', 'wiki peak RSS', 'Starlight peak RSS', 'RSS wiki/Starlight'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
    console.log(
      `\nmedian of ${runs} run${runs === 1 ? '' : 's'}; Starlight ${STARLIGHT} with Astro ${STARLIGHT_ASTRO} (lastUpdated, Pagefind); cold: no output, Astro cache, .astro or history cache; ` +
        `warm: all kept, one page changed by a new commit; peak RSS: the largest process of the build (GNU time); load average at the end ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}.`,
    );
  } finally {
    const moved = path.join(work, 'starlight', 'node_modules');
    if (existsSync(moved)) renameSync(moved, path.join(install, 'node_modules'));
    rmSync(work, { recursive: true, force: true });
  }
}
