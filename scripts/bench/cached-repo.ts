// Runs in Node (benchmarks): a synthetic repository generated once per set of options and kept under a folder, so suites and runs share it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSyntheticRepo, type SyntheticRepoOptions } from './synthetic-repo.ts';

/**
 * The repository for `spec` under `root`, named `<name>-<pages>p-<commits>c-<hash>`, generated once: a finished
 * generation leaves its spec in the git folder, so reruns reuse it, and one cut off halfway is made again from
 * nothing. `version`: the suite's generator version, bumped when the generator's output changes for the same options.
 */
export async function cachedRepo(root: string, name: string, spec: Omit<SyntheticRepoOptions, 'dir'>, version: number): Promise<string> {
  const settings = JSON.stringify({ generator: version, ...spec });
  const dir = path.join(root, `${name}-${spec.pages}p-${spec.commits}c-${createHash('sha1').update(settings).digest('hex').slice(0, 8)}`);
  const marker = path.join(dir, '.git', 'bench-spec.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === settings) return dir;
  rmSync(dir, { recursive: true, force: true });
  console.error(`generating ${dir} …`);
  const started = performance.now();
  const made = await generateSyntheticRepo({ dir, ...spec });
  writeFileSync(marker, settings);
  console.error(
    `  ${made.commits} commits (${made.merges} merges, ${made.renames} renames, ${made.stubs} stubs, ${made.templateCopies} from templates, ${made.sectionMoves} sections moved) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return dir;
}
