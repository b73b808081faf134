// The terminal escaper: escape sequences, bidi overrides and invisible characters become visible text; workflow commands cannot be faked.
import { describe, expect, it } from 'vitest';
import { escaped, escapeForTerminal, escapeLines, jsonForTerminal } from '../../src/lib/terminal-text.ts';

/** Nothing a terminal acts on or hides, and no line GitHub Actions reads as a command. */
const RAW_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]|[\u{e0000}-\u{e007f}]/u;

describe('escapeForTerminal', () => {
  const table: [what: string, input: string, output: string][] = [
    ['clear screen (ESC [2J)', 'a\x1b[2Jb', 'a\\x1b[2Jb'],
    ['window title (OSC … BEL)', '\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'],
    ['one-byte CSI U+009B', 'x\u009b31my', 'x\\x9b31my'],
    ['DEL and NUL', 'a\x7fb\0c', 'a\\x7fb\\x00c'],
    ['right-to-left override', 'evil\u202Egpj.md', 'evil\\u202egpj.md'],
    ['bidi isolates and marks', '\u2066a\u2069\u200f\u061c', '\\u2066a\\u2069\\u200f\\u061c'],
    ['carriage return overwriting the line', 'ok\rFAKE', 'ok\\rFAKE'],
    ['newline starting a workflow command', 'x\n::warning file=evil::pwned', 'x\\n::warning file=evil::pwned'],
    ['tab', 'a\tb', 'a\\tb'],
    ['zero-width space, joiner and BOM', 'a\u200bb\u200dc\ufeff', 'a\\u200bb\\u200dc\\ufeff'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['Unicode tag characters', 'a\u{e0041}\u{e007f}', 'a\\u{e0041}\\u{e007f}'],
    ['a value starting a workflow command', '::error::pwned', '\\x3a:error::pwned'],
    ['… after spaces, which the runner trims', '  ::add-mask::x', '  \\x3a:add-mask::x'],
    ['an old-style ##[command] anywhere', 'see ##[warning]pwned', 'see ##\\x5bwarning]pwned'],
  ];
  it.each(table)('%s', (_what, input, output) => {
    expect(escapeForTerminal(input)).toBe(output);
    expect(escapeForTerminal(input)).not.toMatch(RAW_UNSAFE);
  });

  it('leaves ordinary text alone: accents, CJK, emoji, colons, paths with spaces', () => {
    for (const text of ['Zoë Ünal', '数据库索引', '🐘 postgres', 'content/ops/Deploy Checklist.md', 'a::b', 'std::vector', 'C# [[x]]', '50% done']) {
      expect(escapeForTerminal(text)).toBe(text);
    }
  });

  it('escapes once: escaping escaped text changes nothing', () => {
    for (const [, input] of table) expect(escapeForTerminal(escapeForTerminal(input))).toBe(escapeForTerminal(input));
  });

  it('keeps the program’s own line breaks in escapeLines, and escapes each line', () => {
    expect(escapeLines('first \x1b[31m\n::warning::x\nthird')).toBe('first \\x1b[31m\n\\x3a:warning::x\nthird');
  });

  it('escapes the values of a template and keeps its literal text', () => {
    const name = '\x1b[31mEvil\n::error::x';
    expect(escaped`by ${name} (${3} lines)\tend`).toBe('by \\x1b[31mEvil\\n::error::x (3 lines)\tend');
  });
});

describe('jsonForTerminal', () => {
  it('reads back to the same value while holding no raw control, bidi or invisible character', () => {
    const value = { name: '\x1b[31mEvil\u202E\u009b\u200b\u{e0041}', subject: 'a\n##[warning]x', n: [1, 2] };
    const json = jsonForTerminal(value);
    expect(json.replaceAll('\n', '')).not.toMatch(RAW_UNSAFE);
    expect(json).not.toContain('##[');
    expect(JSON.parse(json)).toEqual(value);
    expect(jsonForTerminal({ a: 'plain' })).toBe(JSON.stringify({ a: 'plain' }, null, 2));
  });
});
