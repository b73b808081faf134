// Runs in Node: the one way commands read their flags and report a wrong one (exit code 2, no stack trace).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { escapeLines } from '../../src/lib/terminal-text.ts';

/** A wrong flag or argument: reported as one line and the usage, with exit code 2. */
export class UsageError extends Error {}

/** `parseArgs`, strict, with its errors turned into a `UsageError` naming the flag or argument. */
export function readArgs<T extends ParseArgsConfig & { strict: true }>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw usageErrorOf(error, config) ?? error;
  }
}

/** The flag or argument Node's message quotes, as typed (it may itself hold quotes). */
const quotedIn = (message: string, after: string, before: string): string =>
  new RegExp(`^${after} '(.*?)'(?=${before})`, 's').exec(message)?.[1] ?? message;

function usageErrorOf(error: unknown, config: ParseArgsConfig): UsageError | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option "${quotedIn(error.message, 'Unknown option', '\\.|$')}"`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument "${quotedIn(error.message, 'Unexpected argument', '\\. ')}"`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // Quoted as '--name <value>' or '-n, --name': the long name is the one to show.
      const flag = /--[\w-]+/.exec(error.message)?.[0] ?? '';
      const boolean = config.options?.[flag.slice(2)]?.type === 'boolean';
      return new UsageError(flag === '' ? error.message : boolean ? `${flag} takes no value` : `${flag} needs a value`);
    }
    default:
      return undefined;
  }
}

/**
 * Runs `parse`; on a wrong flag or argument prints the message and the usage and gives exit code 2,
 * on `--help` prints the usage and gives 0. Otherwise gives the parsed options.
 */
export function parseOrExitCode<T>(argv: string[], parse: (argv: string[]) => T | 'help', usage: string): T | number {
  let options: T | 'help';
  try {
    options = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`wiki: ${escapeLines(error.message)}\n${usage}`);
    return 2;
  }
  if (options === 'help') {
    console.log(usage);
    return 0;
  }
  return options;
}
