// The build's logger wrapper: every level and every fork escapes its messages; the rest of the logger is untouched.
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { terminalSafeLogger } from '../../src/integration/terminal-logger.ts';

function recordingLogger(label: string, lines: string[]): AstroIntegrationLogger {
  const logger = {
    label,
    options: {},
    info: (m: string) => lines.push(`${logger.label} info ${m}`),
    warn: (m: string) => lines.push(`${logger.label} warn ${m}`),
    error: (m: string) => lines.push(`${logger.label} error ${m}`),
    debug: (m: string) => lines.push(`${logger.label} debug ${m}`),
    fork: (next: string) => recordingLogger(next, lines),
    flush: () => lines.push(`${logger.label} flushed`),
    close: () => undefined,
  };
  return logger as unknown as AstroIntegrationLogger;
}

describe('terminalSafeLogger', () => {
  it('escapes messages at every level and in forks, as one line each', () => {
    const lines: string[] = [];
    const logger = terminalSafeLogger(recordingLogger('wiki', lines));
    const hostile = 'commit "\x1b[2Jx\u202E"\n::warning file=a::b';
    logger.info(hostile);
    logger.warn(hostile);
    logger.error(hostile);
    logger.debug(hostile);
    logger.fork('history').warn(hostile);
    logger.flush();
    const escaped = 'commit "\\x1b[2Jx\\u202e"\\n::warning file=a::b';
    expect(lines).toEqual([`wiki info ${escaped}`, `wiki warn ${escaped}`, `wiki error ${escaped}`, `wiki debug ${escaped}`, `history warn ${escaped}`, 'wiki flushed']);
    expect(logger.label).toBe('wiki');
  });
});
