// Test helper: replays commits one at a time into a fresh repository, checking after each that the cached, incremental history equals a walk from scratch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { TestRepo, type CommitOptions } from './git-repo.ts';

/** After the last step, `check` gets the history read back from the cache in a fresh run, and the repository. */
export async function replayWithCache(steps: readonly CommitOptions[], check: (history: RepositoryHistory, dir: string) => void): Promise<void> {
  const stepwise = TestRepo.create();
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'wiki-history-stepwise-cache-'));
  try {
    for (const [k, step] of steps.entries()) {
      stepwise.commit(step);
      const cached = await readRepositoryHistory({ contentDir: `${stepwise.dir}/content`, cacheDir });
      expect(cached.stats?.mode).toBe(k === 0 ? 'cold' : 'incremental');
      const cold = await readRepositoryHistory({ contentDir: `${stepwise.dir}/content`, cacheDir: null });
      expect(cached.pages, step.message).toEqual(cold.pages);
    }
    const again = await readRepositoryHistory({ contentDir: `${stepwise.dir}/content`, cacheDir });
    expect(again.stats?.mode).toBe('cached');
    expect(again.pages).toEqual((await readRepositoryHistory({ contentDir: `${stepwise.dir}/content`, cacheDir: null })).pages);
    check(again, stepwise.dir);
  } finally {
    stepwise.remove();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
