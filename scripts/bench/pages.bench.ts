// Runs in Node: `npm run bench -- pages [--pages N] [--commits M] [--authors K] [--community-pages C] [--big-only] [--keep DIR]` reports
// built page sizes (median, largest) of the sample wiki, of a synthetic wiki with history, and of one community of C pages in
// nested folders, against the budget: median page under 60 KB, no page over 1 MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSyntheticRepo } from './synthetic-repo.ts';
import { writeSyntheticWiki } from './synthetic-pages.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const BUDGET = 1024 * 1024;
/** Issue 11, item 8: at 4,600 pages in one community the median page was 243 KB and the community home 1.77 MB. */
const MEDIAN_BUDGET = 60 * 1024;

function build(env: Record<string, string>): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`astro build failed:\n${`${result.stdout}${result.stderr}`.slice(-3000)}`);
  return (performance.now() - started) / 1000;
}

function htmlFiles(dir: string, out: { file: string; bytes: number }[] = []): { file: string; bytes: number }[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) htmlFiles(full, out);
    else if (entry.name.endsWith('.html')) out.push({ file: full, bytes: statSync(full).size });
  }
  return out;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function report(label: string, outDir: string, seconds: number): { median: number; largest: number; over: number } {
  const files = htmlFiles(outDir);
  const rel = (f: string) => '/' + path.relative(outDir, f).replace(/index\.html$/, '');
  const groups = {
    all: files,
    pages: files.filter((f) => !/\/(history|people|recent|feeds|tags)(\/|$)/.test(rel(f.file))),
    history: files.filter((f) => /\/history\//.test(rel(f.file))),
    people: files.filter((f) => rel(f.file).startsWith('/people/')),
  };
  console.log(`${label}: ${files.length} HTML files, built in ${seconds.toFixed(1)} s`);
  for (const [name, group] of Object.entries(groups)) {
    if (group.length === 0) continue;
    const largest = group.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const over = group.filter((f) => f.bytes > BUDGET).length;
    console.log(
      `  ${name.padEnd(8)} ${String(group.length).padStart(5)} files  median ${kb(median(group.map((f) => f.bytes))).padStart(9)}  largest ${kb(largest.bytes).padStart(9)} (${(largest.bytes / BUDGET * 100).toFixed(0)}% of 1 MB) ${rel(largest.file)}${over ? `  ${over} OVER BUDGET` : ''}`,
    );
  }
  const all = files.map((f) => f.bytes);
  return { median: median(all), largest: Math.max(0, ...all), over: files.filter((f) => f.bytes > BUDGET).length };
}

/** One community of `pages` pages in nested folders, no history: what the sidebar and the community home must hold up to. */
function bigCommunity(root: string, pages: number): boolean {
  writeSyntheticWiki(root, { pages, nested: true, seed: 11 });
  const out = path.join(root, 'dist');
  const seconds = build({ WIKI_ROOT: root, WIKI_OUT_DIR: out, WIKI_CACHE_DIR: path.join(root, '.cache'), NODE_OPTIONS: '--max-old-space-size=8192' });
  const { median: mid, largest, over } = report(`one community of ${pages} pages in nested folders`, out, seconds);
  const pass = mid < MEDIAN_BUDGET && over === 0;
  console.log(`  budget: median page under ${kb(MEDIAN_BUDGET)}, no page over 1 MB: median ${kb(mid)}, largest ${kb(largest)}, ${over} over 1 MB -> ${pass ? 'PASS' : 'FAIL'}`);
  return pass;
}

export default async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { 'community-pages': { type: 'string', default: '4600' }, 'big-only': { type: 'boolean', default: false }, keep: { type: 'string' }, pages: { type: 'string', default: '1000' }, commits: { type: 'string', default: '5000' }, authors: { type: 'string', default: '40' }, seed: { type: 'string', default: '7' } },
    strict: false,
  });
  const work = mkdtempSync(path.join(tmpdir(), 'wiki-bench-pages-'));
  try {
    const keep = typeof values.keep === 'string' ? path.resolve(values.keep) : undefined;
    const pass = bigCommunity(keep ?? path.join(work, 'big'), Number(values['community-pages']));
    if (keep) console.log(`  kept in ${keep} (dist/ is the built site)`);
    if (!pass) process.exitCode = 1;
    if (values['big-only']) return;
    const sampleOut = path.join(work, 'sample');
    report('sample wiki', sampleOut, build({ WIKI_OUT_DIR: sampleOut, WIKI_CACHE_DIR: path.join(work, 'sample-cache') }));

    const repo = await generateSyntheticRepo({
      dir: path.join(work, 'repo'), pages: Number(values.pages), commits: Number(values.commits), authors: Number(values.authors), seed: Number(values.seed), checkout: true,
    });
    const out = path.join(work, 'synthetic');
    const seconds = build({ WIKI_ROOT: repo.dir, WIKI_CONTENT: repo.contentDir, WIKI_OUT_DIR: out, WIKI_CACHE_DIR: path.join(work, 'synthetic-cache') });
    report(`synthetic wiki (${values.pages} pages, ${repo.commits} commits, ${repo.merges} merges, ${repo.renames} renames, ${values.authors} authors)`, out, seconds);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
