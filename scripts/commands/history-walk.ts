// Runs in Node: the history engine as `wiki history` and `wiki verify` run it, its walk reported as a phase of long work.
import { readRepositoryHistory, type ReadHistoryOptions } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { count, type Progress } from '../../src/lib/progress.ts';

export async function readHistoryReporting(options: ReadHistoryOptions, progress: Progress): Promise<RepositoryHistory> {
  const walking = progress.start('history', { verb: 'walking', unit: 'commits' });
  try {
    const history = await readRepositoryHistory({ ...options, onProgress: (done, total) => walking.update(done, total) });
    const s = history.stats;
    walking.end(`${count(s?.commits ?? 0)} commits (${count(s?.processed ?? 0)} walked)`);
    return history;
  } finally {
    // A walk that failed leaves no half-drawn line before its error.
    walking.clear();
  }
}
