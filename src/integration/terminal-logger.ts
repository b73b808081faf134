// Runs in Node at build time: Astro's integration logger with every message escaped, since build messages quote content and git (file names, titles, commit subjects, author names).
import type { AstroIntegrationLogger } from 'astro';
import { escapeForTerminal } from '../lib/terminal-text.ts';

type Level = 'info' | 'warn' | 'error' | 'debug';
const LEVELS: ReadonlySet<string | symbol> = new Set<Level>(['info', 'warn', 'error', 'debug']);

/**
 * The same logger (label, options, flush, close), but each message is escaped as one line: a hostile value
 * can neither send escape sequences nor start a new line, such as one GitHub Actions would run as a
 * workflow command. Forks are escaped too.
 */
export function terminalSafeLogger(logger: AstroIntegrationLogger): AstroIntegrationLogger {
  return new Proxy(logger, {
    get(target, property, receiver) {
      if (LEVELS.has(property)) return (message: string) => target[property as Level](escapeForTerminal(String(message)));
      if (property === 'fork') return (label: string) => terminalSafeLogger(target.fork(label));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
