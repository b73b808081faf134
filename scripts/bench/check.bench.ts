// Runs in Node: `npm run bench -- check [--pages N]` times `wiki check` against the full `astro build` of the same synthetic wiki.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSyntheticWiki } from './synthetic-wiki.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

function timed(args: string[], env: Record<string, string>): { seconds: number; status: number | null; output: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { seconds: (performance.now() - started) / 1000, status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function mustPass(what: string, run: { status: number | null; output: string }): void {
  if (run.status !== 0) throw new Error(`${what} failed:\n${run.output.slice(-2000)}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export default async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { pages: { type: 'string', default: '1000' }, communities: { type: 'string', default: '8' } }, strict: false });
  const pages = Number(values.pages);
  const root = mkdtempSync(path.join(tmpdir(), 'wiki-bench-check-'));
  try {
    const written = writeSyntheticWiki(root, { pages, communities: Number(values.communities) });
    const env = { WIKI_ROOT: root, WIKI_OUT_DIR: path.join(root, 'dist'), WIKI_CACHE_DIR: path.join(root, '.cache'), ASTRO_TELEMETRY_DISABLED: '1' };
    const wiki = [path.join(projectRoot, 'scripts/wiki.ts')];
    mustPass('wiki codeowners', timed([...wiki, 'codeowners'], env));
    const checks = Array.from({ length: 3 }, () => {
      const check = timed([...wiki, 'check'], env);
      mustPass('wiki check', check);
      return check.seconds;
    });
    const build = timed([path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], env);
    mustPass('astro build', build);
    const check = median(checks);
    console.log(`synthetic wiki: ${written} pages in ${values.communities} communities (${root})`);
    console.log(`wiki check   median of 3: ${check.toFixed(2)} s  (runs: ${checks.map((s) => s.toFixed(2)).join(', ')})`);
    console.log(`astro build  1 run:       ${build.seconds.toFixed(2)} s`);
    console.log(`check / build: ${(check / build.seconds).toFixed(3)} (check is ${(build.seconds / check).toFixed(1)}x faster)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
