// Runs in Node at build time: the error that ends a build over problems the log already lists, which Astro shows without a stack trace.

/**
 * Thrown (never `process.exit`) so Astro ends the build its own way: it prints the message and exits
 * non-zero. The problems are the author's to fix, not a crash, so there is no stack to print:
 * Astro prints a "Stack trace" section only for an error that has one.
 */
export class BuildStoppedError extends Error {
  readonly code = 'WikiBuildStopped';
  constructor(message: string) {
    super(message);
    this.name = 'BuildStoppedError';
    this.stack = '';
  }
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
