// Every `wiki` command reads its flags with parseArgs: a wrong flag, a missing value or a stray argument is one line, the usage and exit code 2.
import { describe, expect, it } from 'vitest';
import { parseOrExitCode, readArgs, UsageError } from '../../scripts/commands/usage.ts';
import { writeFixture } from '../helpers/build-site.ts';
import { wiki } from '../helpers/wiki-command.ts';

const options = { name: { type: 'string', short: 'n' }, json: { type: 'boolean' } } as const;
const read = (args: string[], allowPositionals = false) => readArgs({ args, options, strict: true, allowPositionals });
const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('readArgs', () => {
  it('gives what parseArgs gives for good flags', () => {
    expect(read(['--name', 'x', '--json'])).toEqual({ values: { name: 'x', json: true }, positionals: [] });
    expect(read(['-n', 'y', 'extra'], true).positionals).toEqual(['extra']);
  });

  it('names the flag or argument that is wrong, as typed', () => {
    expect(messageOf(() => read(['--nmae', 'x']))).toBe('unknown option "--nmae"');
    expect(messageOf(() => read(['-x']))).toBe('unknown option "-x"');
    expect(messageOf(() => read(["--it's"]))).toBe('unknown option "--it\'s"');
    expect(messageOf(() => read(['--name']))).toBe('--name needs a value');
    expect(messageOf(() => read(['-n']))).toBe('--name needs a value');
    expect(messageOf(() => read(['--name', '--json']))).toBe('--name needs a value');
    expect(messageOf(() => read(['--json=yes']))).toBe('--json takes no value');
    expect(messageOf(() => read(["it's here"]))).toBe('unexpected argument "it\'s here"');
  });

  it('leaves other errors alone: they are bugs, not usage errors', () => {
    const bug = () => {
      throw new TypeError('boom');
    };
    expect(() => parseOrExitCode([], bug, 'Usage')).toThrow(TypeError);
  });
});

const commands = ['check', 'codeowners', 'history', 'new', 'stats', 'verify'];

describe('wiki <command> with wrong flags', () => {
  const root = writeFixture({ 'wiki.config.yml': 'title: Flags\n', 'content/ops/a.md': '# A\n' });
  const firstLine = (args: string[]) => {
    const result = wiki(root, args);
    expect(result.status, args.join(' ')).toBe(2);
    expect(result.stdout, args.join(' ')).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[1], args.join(' ')).toMatch(new RegExp(`^Usage: npm run wiki -- ${args[0]}\\b`));
    expect(result.stderr).not.toMatch(/^\s+at /m);
    return lines[0];
  };

  it.each(commands)('%s: an unknown flag is named', (command) => {
    expect(firstLine([command, '--colour'])).toBe('wiki: unknown option "--colour"');
  });

  it.each([
    ['check', '--format'],
    ['history', '--repo'],
    ['new', '--type'],
    ['stats', '--months'],
    ['verify', '--sample'],
  ])('%s: %s without its value is named', (command, flag) => {
    expect(firstLine([command, flag])).toBe(`wiki: ${flag} needs a value`);
  });

  it('a flag given a value it does not take is named', () => {
    expect(firstLine(['codeowners', '--stdout=yes'])).toBe('wiki: --stdout takes no value');
  });

  it.each(['check', 'codeowners', 'history', 'stats', 'verify'])('%s: a stray argument is named', (command) => {
    expect(firstLine([command, 'extra'])).toBe('wiki: unexpected argument "extra"');
  });

  it('verify: --sample and --min-agreement take numbers', () => {
    expect(firstLine(['verify', '--sample', '0'])).toBe('wiki: --sample must be a whole number above 0 (got "0")');
    expect(firstLine(['verify', '--min-agreement', '101'])).toBe('wiki: --min-agreement must be a percentage from 0 to 100 (got "101")');
  });

  it('stats: --months takes a whole number', () => {
    expect(firstLine(['stats', '--months', 'ten'])).toBe('wiki: --months must be a whole number (got "ten")');
  });

  it.each(commands)('%s: -h prints the usage and exits 0', (command) => {
    const result = wiki(root, [command, '-h']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: npm run wiki -- ${command}\\b`));
  });
});
