// Runs in Node (benchmarks): the history engine against native `git log --numstat` on synthetic repositories, cold, after one new commit, and its peak memory.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cachedRepo } from './cached-repo.ts';
import type { SyntheticRepoOptions } from './synthetic-repo.ts';

type Spec = Omit<SyntheticRepoOptions, 'dir' | 'checkout'>;

const SIZES: Record<string, Spec> = {
  small: { pages: 1_000, commits: 5_000, authors: 50 },
  large: { pages: 10_000, commits: 50_000, authors: 300 },
  // Issue 12: a wiki of many pages and a moderate history, where a new user measured 6.5x native.
  wide: { pages: 38_000, commits: 23_000, authors: 400 },
  // Issue 12: a community's repository: pages moved into per-group folders with stubs left behind, pages
  // begun from templates and sections cut from one page into another, so renames, copies and moved text cost.
  community: { pages: 1_000, commits: 15_000, authors: 80, moveRate: 0.03, reorganisations: 12, reorganisationSize: 300, stubRate: 0.5, templateRate: 0.3, sectionMoveRate: 0.05 },
};
/** Bump when the generator's output changes for the same options, so cached repositories are made again. */
const GENERATOR_VERSION = 2;
const here = path.dirname(fileURLToPath(import.meta.url));

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

interface ChildResult {
  ms: number;
  wallMs: number;
  maxRssBytes: number;
  stats: { processed: number; mode: string; commits: number; phases?: Record<string, number> };
}

function engine(repo: string, cache: string | null): ChildResult {
  const started = performance.now();
  const child = spawnSync(process.execPath, [path.join(here, 'history-child.ts'), '--repo', repo, '--cache', cache ?? ''], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`the engine failed on ${repo}:\n${child.stderr}`);
  return { ...(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Omit<ChildResult, 'wallMs'>), wallMs };
}

/** One commit editing one page, or adding a new one (which copy detection then looks for among every page), made without a checkout (plumbing on a private index). */
function addCommit(repo: string, kind: 'edit' | 'add' = 'edit'): string {
  const git = (args: string[], input?: string, env: Record<string, string> = {}) =>
    execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_INDEX_FILE: path.join(repo, '.git', 'bench-index'), ...env } }).trim();
  const page = git(['ls-tree', '-r', '--name-only', 'HEAD', 'content/']).split('\n').find((p) => p.endsWith('.md'))!;
  git(['read-tree', 'HEAD']);
  const stamp = Date.now();
  if (kind === 'edit') {
    const text = `${git(['show', `HEAD:${page}`])}\n\nOne more paragraph written for the benchmark at ${stamp}.\n`;
    git(['update-index', '--cacheinfo', `100644,${git(['hash-object', '-w', '--stdin'], text)},${page}`]);
  } else {
    // A page of its own words, about as long as the generated ones: no page it could be a copy of.
    const words = 'river stone cloud lantern harbour meadow orchard quarry beacon thistle ember willow falcon granite'.split(' ');
    const paragraphs = Array.from({ length: 12 }, (_, p) => Array.from({ length: 30 }, (_, w) => words[(p * 31 + w * 7 + stamp) % words.length]).join(' '));
    const text = `# A page added for the benchmark at ${stamp}\n\n${paragraphs.join('.\n\n')}.\n`;
    git(['update-index', '--add', '--cacheinfo', `100644,${git(['hash-object', '-w', '--stdin'], text)},content/bench-added/page-${stamp}.md`]);
  }
  const tree = git(['write-tree']);
  const who = { GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };
  const commit = git(['commit-tree', tree, '-p', 'HEAD', '-m', kind === 'edit' ? 'Benchmark edit' : 'Benchmark new page'], undefined, who);
  git(['update-ref', 'HEAD', commit]);
  return commit;
}

export default async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { sizes: { type: 'string', default: 'small' }, dir: { type: 'string' }, runs: { type: 'string' } }, allowPositionals: true });
  const root = values.dir ? path.resolve(values.dir) : path.join(tmpdir(), 'wiki-history-bench');
  const rows: string[][] = [];
  for (const size of values.sizes.split(',')) {
    const spec = SIZES[size];
    if (!spec) throw new Error(`unknown size "${size}" (sizes: ${Object.keys(SIZES).join(', ')})`);
    const dir = await cachedRepo(root, size, { seed: 1, ...spec }, GENERATOR_VERSION);
    const head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const runs = Number(values.runs ?? (size === 'small' ? 3 : 1));
    try {
      const nativeMs = median(
        Array.from({ length: 3 }, () => time(() => execFileSync('git', ['-C', dir, 'log', '--numstat', '--format=%H%x09%aN%x09%aE%x09%aI%x09%s', '--', 'content'], { maxBuffer: 1024 * 1024 * 1024 }))),
      );
      const colds = Array.from({ length: runs }, () => engine(dir, null));
      const coldMs = median(colds.map((c) => c.ms));
      const cache = mkdtempSync(path.join(tmpdir(), 'wiki-history-bench-cache-'));
      try {
        engine(dir, cache);
        addCommit(dir);
        const next = engine(dir, cache);
        if (next.stats.processed !== 1) throw new Error(`one new commit walked ${next.stats.processed} commits (${next.stats.mode})`);
        addCommit(dir, 'add');
        const added = engine(dir, cache);
        if (added.stats.processed !== 1) throw new Error(`one new commit adding a page walked ${added.stats.processed} commits (${added.stats.mode})`);
        const peak = Math.max(...colds.map((c) => c.maxRssBytes));
        rows.push([
          `${size} (${spec.pages} pages, ${colds[0]!.stats.commits} commits)`,
          String(runs),
          seconds(nativeMs),
          seconds(coldMs),
          `${(coldMs / nativeMs).toFixed(1)}x`,
          `${seconds(next.ms)} (process ${seconds(next.wallMs)})`,
          `${seconds(added.ms)} (process ${seconds(added.wallMs)})`,
          `${(peak / 1024 / 1024).toFixed(0)} MiB`,
        ]);
        console.error(`  ${rows.at(-1)!.join(' | ')}; cold phases (ms) ${JSON.stringify(colds[0]!.stats.phases)}; one new commit ${JSON.stringify(next.stats.phases)}; adding a page ${JSON.stringify(added.stats.phases)}`);
      } finally {
        rmSync(cache, { recursive: true, force: true });
      }
    } finally {
      // Put the repository back as generated, so the next run measures the same thing.
      execFileSync('git', ['-C', dir, 'update-ref', 'HEAD', head]);
    }
  }
  const header = ['size', 'runs', 'git log --numstat -- content', 'engine cold', 'cold / native', 'one new commit', 'one new commit adding a page', 'peak RSS (cold)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
  console.log(
    `\nengine cold: median of the runs shown (git log: median of 3 every size; peak RSS: the largest of the runs); load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; targets: cold within 5x native, one new commit within 0.5 s, peak memory within 1 GiB at the large size.`,
  );
}

