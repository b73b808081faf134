// Runs anywhere: text from content or git made safe to print in a terminal or a CI log, where it cannot move the cursor, recolour, hide or fake lines.

/**
 * Characters a terminal acts on or a reader cannot see: C0 controls (tab and newline too: every value
 * is printed inside one line), DEL, C1 controls (U+009B is a one-byte CSI), bidi overrides, embeddings,
 * isolates and marks (they reorder what is shown: Trojan Source), zero-width and other invisible
 * format characters, line and paragraph separators, the byte order mark, interlinear annotations and
 * Unicode tag characters (invisible ASCII look-alikes).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\u{e0000}-\u{e007f}]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

function visible(char: string): string {
  const code = char.codePointAt(0)!;
  return NAMED[char] ?? (code < 0x100 ? `\\x${hex(code, 2)}` : code < 0x10000 ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 5)}}`);
}

/**
 * One value (a file name, title, person, commit subject, message) as printable text: every unsafe
 * character becomes a visible escape such as `\x1b`, `\n` or `\u202e`. GitHub Actions reads any log line
 * that starts with `::` (after spaces) or holds `##[` as a workflow command, so those are broken up too.
 * Backslashes are kept as they are, so escaping twice changes nothing (`\x1b` is already printable).
 */
export function escapeForTerminal(text: string): string {
  return text
    .replace(UNSAFE, visible)
    .replaceAll('##[', '##\\x5b')
    .replace(/^(\s*):(?=:)/, '$1\\x3a');
}

/** Text of several lines (an error message, a report): each line escaped, the line breaks kept. */
export const escapeLines = (text: string): string => text.split('\n').map(escapeForTerminal).join('\n');

/** A template for output lines: the literal parts are the program's own, every `${value}` is escaped. */
export function escaped(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, literal, i) => out + literal + (i < values.length ? escapeForTerminal(String(values[i])) : ''), '');
}

/**
 * JSON for a terminal or a pipe, read back to exactly the same value: the same characters are written
 * as `\uXXXX` escapes inside strings (JSON.stringify leaves C1, bidi and invisible ones raw).
 */
export function jsonForTerminal(value: unknown): string {
  const json = JSON.stringify(value, null, 2) ?? 'null';
  // JSON.stringify already escapes C0 controls inside strings, so a raw newline is the layout's own; any
  // other match can only be inside a string.
  return json
    .replace(UNSAFE, (c) => (c === '\n' ? c : Array.from({ length: c.length }, (_, i) => `\\u${hex(c.charCodeAt(i), 4)}`).join('')))
    .replaceAll('##[', '##\\u005b');
}
