// Runs in Node: reads many page outlines at once on worker threads, one per core, so a cold run parses at the speed of the machine.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Outline } from './outline.ts';
import type { PageFormat } from './page-rule.ts';

export interface OutlineJob {
  text: string;
  format: PageFormat;
}

/** Below this many texts a worker's start-up (loading the parser) costs more than it saves. */
export const POOL_THRESHOLD = 64;
/** Texts sent to a worker at a time: small enough that the workers finish together, large enough that messages cost little. */
const BATCH_CHARS = 256 * 1024;

function batchesOf(jobs: readonly OutlineJob[]): { start: number; jobs: OutlineJob[] }[] {
  const batches: { start: number; jobs: OutlineJob[] }[] = [];
  let current: { start: number; jobs: OutlineJob[] } | undefined;
  let chars = 0;
  jobs.forEach((job, i) => {
    if (!current || chars >= BATCH_CHARS) {
      current = { start: i, jobs: [] };
      batches.push(current);
      chars = 0;
    }
    current.jobs.push(job);
    chars += job.text.length;
  });
  return batches;
}

/**
 * outline.ts `outlineOf` for every job, in order, null where the text does not parse (its error is for the
 * caller to raise where the page is read). On one core, or for a few texts, undefined: read them in place.
 */
export async function outlinesInWorkers(jobs: readonly OutlineJob[], threads = availableParallelism()): Promise<(Outline | null)[] | undefined> {
  if (threads < 2 || jobs.length < POOL_THRESHOLD) return undefined;
  const results: (Outline | null)[] = new Array(jobs.length).fill(null);
  const queue = batchesOf(jobs);
  const count = Math.min(threads, queue.length);
  const workers = Array.from({ length: count }, () => new Worker(new URL('./outline-worker-fs.ts', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let batch: { start: number; jobs: OutlineJob[] } | undefined;
            const next = () => {
              batch = queue.shift();
              if (batch) worker.postMessage(batch.jobs);
              else resolve();
            };
            worker.on('message', (outlines: (Outline | null)[]) => {
              outlines.forEach((outline, k) => (results[batch!.start + k] = outline));
              next();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (batch ? reject(new Error(`an outline worker stopped (exit ${code})`)) : resolve()));
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
