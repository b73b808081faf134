// Runs in Node at the program's edge: progress reports on the process's stderr, redrawn in place only on a terminal someone watches.
import { noProgress, progressReporter, type Progress, type ProgressSink } from './progress.ts';

/** A phase shorter than this leaves no line: a small wiki's check and build print what they printed before. */
export const QUIET_UNDER_MS = 2000;

type Env = Readonly<Record<string, string | undefined>>;

/** CI runners often give jobs a pseudo-terminal, yet their logs keep every "\r" redraw: a CI job is a log. So is a terminal that cannot clear a line. */
export function isWatchedTerminal(stream: { isTTY?: boolean }, env: Env): boolean {
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return stream.isTTY === true && !ci && env.TERM !== 'dumb';
}

export function stderrSink(env: Env): ProgressSink {
  return { isTTY: isWatchedTerminal(process.stderr, env), write: (text) => void process.stderr.write(text) };
}

/**
 * `WIKI_PROGRESS=off` writes nothing; `WIKI_PROGRESS=all` reports every phase, however short.
 * `line` takes the finished lines (a build's logger); the live line is always stderr's.
 */
export function stderrProgress(env: Env, line?: (text: string) => void): Progress {
  if (env.WIKI_PROGRESS === 'off') return noProgress;
  return progressReporter({
    sink: stderrSink(env),
    clock: () => performance.now(),
    quietUnder: env.WIKI_PROGRESS === 'all' ? 0 : QUIET_UNDER_MS,
    ...(line ? { line } : {}),
  });
}
