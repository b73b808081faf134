// Runs in Node (benchmarks): the history engine against native `git log --numstat` on synthetic repositories, cold, after one new commit, and its peak memory.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSyntheticRepo } from './synthetic-repo.ts';

const SIZES: Record<string, { pages: number; commits: number; authors: number }> = {
  small: { pages: 1_000, commits: 5_000, authors: 50 },
  large: { pages: 10_000, commits: 50_000, authors: 300 },
};
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
  stats: { processed: number; mode: string; commits: number };
}

function engine(repo: string, cache: string | null): ChildResult {
  const started = performance.now();
  const child = spawnSync(process.execPath, [path.join(here, 'history-child.ts'), '--repo', repo, '--cache', cache ?? ''], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`the engine failed on ${repo}:\n${child.stderr}`);
  return { ...(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Omit<ChildResult, 'wallMs'>), wallMs };
}

/** One commit editing one page, made without a checkout (plumbing on a private index). */
function addCommit(repo: string): string {
  const git = (args: string[], input?: string, env: Record<string, string> = {}) =>
    execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', input, env: { ...process.env, GIT_INDEX_FILE: path.join(repo, '.git', 'bench-index'), ...env } }).trim();
  const page = git(['ls-tree', '-r', '--name-only', 'HEAD', 'content/']).split('\n').find((p) => p.endsWith('.md'))!;
  git(['read-tree', 'HEAD']);
  const text = `${git(['show', `HEAD:${page}`])}\n\nOne more paragraph written for the benchmark at ${Date.now()}.\n`;
  const blob = git(['hash-object', '-w', '--stdin'], text);
  git(['update-index', '--cacheinfo', `100644,${blob},${page}`]);
  const tree = git(['write-tree']);
  const who = { GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };
  const commit = git(['commit-tree', tree, '-p', 'HEAD', '-m', 'Benchmark edit'], undefined, who);
  git(['update-ref', 'HEAD', commit]);
  return commit;
}

export default async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { sizes: { type: 'string', default: 'small,large' }, dir: { type: 'string' }, runs: { type: 'string', default: '3' } }, allowPositionals: true });
  const root = values.dir ? path.resolve(values.dir) : path.join(tmpdir(), 'wiki-history-bench');
  const rows: string[][] = [];
  for (const size of values.sizes.split(',')) {
    const spec = SIZES[size];
    if (!spec) throw new Error(`unknown size "${size}" (sizes: ${Object.keys(SIZES).join(', ')})`);
    const dir = path.join(root, `${size}-${spec.pages}p-${spec.commits}c`);
    if (!existsSync(path.join(dir, '.git'))) {
      console.error(`generating ${dir} …`);
      await generateSyntheticRepo({ dir, ...spec, seed: 1 });
    }
    const head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const runs = size === 'small' ? Number(values.runs) : 1;
    try {
      const nativeMs = median(
        Array.from({ length: 3 }, () => time(() => execFileSync('git', ['-C', dir, 'log', '--numstat', '--format=%H%x09%aN%x09%aE%x09%aI%x09%s'], { maxBuffer: 1024 * 1024 * 1024 }))),
      );
      const colds = Array.from({ length: runs }, () => engine(dir, null));
      const coldMs = median(colds.map((c) => c.ms));
      const cache = mkdtempSync(path.join(tmpdir(), 'wiki-history-bench-cache-'));
      try {
        engine(dir, cache);
        addCommit(dir);
        const next = engine(dir, cache);
        if (next.stats.processed !== 1) throw new Error(`one new commit walked ${next.stats.processed} commits (${next.stats.mode})`);
        const peak = Math.max(...colds.map((c) => c.maxRssBytes));
        rows.push([
          `${size} (${spec.pages} pages, ${colds[0]!.stats.commits} commits)`,
          seconds(nativeMs),
          seconds(coldMs),
          `${(coldMs / nativeMs).toFixed(1)}x`,
          `${seconds(next.ms)} (process ${seconds(next.wallMs)})`,
          `${(peak / 1024 / 1024).toFixed(0)} MiB`,
        ]);
      } finally {
        rmSync(cache, { recursive: true, force: true });
      }
    } finally {
      // Put the repository back as generated, so the next run measures the same thing.
      execFileSync('git', ['-C', dir, 'update-ref', 'HEAD', head]);
    }
  }
  const header = ['size', 'git log --numstat', 'engine cold', 'cold / native', 'one new commit', 'peak RSS (cold)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
  console.log(`\nmedians of ${values.runs} runs for the small size (git log: median of 3 everywhere); targets: cold within 5x native, one new commit within 0.5 s, peak memory within 1 GiB at the large size.`);
}
