// Runs in Node: the one way commands read their flags and report a wrong one (exit code 2, no stack trace).
import { escapeLines } from '../../src/lib/terminal-text.ts';

/**
 * Runs `parse`; on a wrong flag or argument prints the message and the usage and gives exit code 2,
 * on `--help` prints the usage and gives 0. Otherwise gives the parsed options.
 */
export function parseOrExitCode<T>(argv: string[], parse: (argv: string[]) => T | 'help', usage: string): T | number {
  let options: T | 'help';
  try {
    options = parse(argv);
  } catch (error) {
    console.error(`wiki: ${escapeLines(error instanceof Error ? error.message : String(error))}\n${usage}`);
    return 2;
  }
  if (options === 'help') {
    console.log(usage);
    return 0;
  }
  return options;
}
