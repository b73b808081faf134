// Runs in a Node worker thread (outline-pool-fs.ts): reads the outlines of the page texts it is sent, null for a text that does not parse.
import { parentPort } from 'node:worker_threads';
import { outlineOf } from './outline.ts';
import type { OutlineJob } from './outline-pool-fs.ts';

parentPort!.on('message', (jobs: OutlineJob[]) => {
  parentPort!.postMessage(
    jobs.map(({ text, format }) => {
      try {
        return outlineOf(text, format);
      } catch {
        // The main thread reads it again and reports the error where the page is read.
        return null;
      }
    }),
  );
});
