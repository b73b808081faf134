// Test helper: seeded text pairs that make git's diff choose (repeated lines, blanks, nested indented blocks, CRLF, no final newline), and git's own -U0 hunks for them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seededRandom } from '../../scripts/bench/random.ts';
import type { LineMatch } from '../../src/lib/history/line-match.ts';

/** Seeded (mulberry32), so a failing pair can be made again from its seed. */
export function random(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]) => items[int(items.length)]! };
}

export type Random = ReturnType<typeof random>;

const STATEMENTS = ['x();', 'return x;', 'if (a) {', '}', 'y = 1;', '// note', ''];
const PROSE = ['## Steps', 'Run the backup.', 'See [[Other]].', '- one', '- two', '  - nested', '```', 'npm ci', '', '', 'Done.'];
const TINY = ['a', 'b', '', '  a', '}', '\tb'];

/** A block of code: a header, a body indented one level deeper (itself with a nested block now and then), a closer. */
function codeBlock(r: Random, depth: number, unit: string): string[] {
  const pad = unit.repeat(depth);
  const lines = [`${pad}${r.pick(['function f() {', 'if (ok) {', 'for (x of xs) {', '- item:'])}`];
  for (let k = 1 + r.int(4); k > 0; k--) {
    if (depth < 3 && r.int(4) === 0) lines.push(...codeBlock(r, depth + 1, unit));
    else {
      const s = r.pick(STATEMENTS);
      lines.push(s === '' ? '' : `${pad}${unit}${s}`);
    }
  }
  lines.push(`${pad}}`);
  if (r.int(2) === 0) lines.push('');
  return lines;
}

/** A text as lines without newlines, in one of three styles. */
export function someLines(r: Random, style: number, size: number): string[] {
  const lines: string[] = [];
  const unit = r.pick(['  ', '    ', '\t']);
  while (lines.length < size) {
    if (style === 0) lines.push(...codeBlock(r, 0, unit));
    else if (style === 1) lines.push(r.pick(PROSE));
    else lines.push(r.pick(TINY));
  }
  return lines;
}

/** An edited copy: insertions, deletions, moved and duplicated blocks, changed lines, blank lines. */
export function edited(r: Random, old: readonly string[], style: number, edits: number): string[] {
  const lines = [...old];
  for (let e = 0; e < edits; e++) {
    const at = r.int(lines.length + 1);
    const size = 1 + r.int(5);
    switch (r.int(7)) {
      case 0:
        lines.splice(at, 0, ...someLines(r, style, size).slice(0, size + r.int(6)));
        break;
      case 1:
        lines.splice(at, size);
        break;
      case 2: {
        const block = lines.splice(at, size);
        lines.splice(r.int(lines.length + 1), 0, ...block);
        break;
      }
      case 3:
        // A copy of the block just above: the insertion can slide, and git has to choose.
        lines.splice(at, 0, ...lines.slice(Math.max(0, at - size), at));
        break;
      case 4:
        lines.splice(at, 0, ...Array.from({ length: 1 + r.int(2) }, () => ''));
        break;
      case 5:
        if (at < lines.length) lines[at] = r.pick(style === 2 ? TINY : STATEMENTS);
        break;
      default:
        if (at < lines.length) lines[at] = `  ${lines[at]}`;
    }
  }
  return lines;
}

/** Joins lines into a file, sometimes with CRLF (all lines or some) and sometimes without a final newline. */
export function fileText(r: Random, lines: readonly string[]): string {
  if (lines.length === 0) return '';
  const crlf = r.int(6);
  const ended = lines.map((l) => (crlf === 0 || (crlf === 1 && r.int(3) === 0) ? `${l}\r` : l));
  return ended.join('\n') + (r.int(5) === 0 ? '' : '\n');
}

export function textPair(seed: number): [string, string] {
  const r = random(seed);
  const style = r.int(3);
  const old = someLines(r, style, r.int(r.int(5) === 0 ? 200 : 40));
  return [fileText(r, old), fileText(r, edited(r, old, style, 1 + r.int(6)))];
}

/** A hunk as `git diff -U0` heads it: old start, old count, new start, new count. */
export type Hunk = [number, number, number, number];

/** The hunks a LineMatch makes, numbered as git numbers them (an empty side names the line before). */
export function hunksOf(m: LineMatch): Hunk[] {
  const hunks: Hunk[] = [];
  const oldCount = m.toNew.length;
  const newCount = m.fromOld.length;
  let o = 0;
  let n = 0;
  while (o < oldCount || n < newCount) {
    if (o < oldCount && n < newCount && m.fromOld[n] === o) {
      o++;
      n++;
      continue;
    }
    const o0 = o;
    const n0 = n;
    while (o < oldCount && m.toNew[o] === -1) o++;
    while (n < newCount && m.fromOld[n] === -1) n++;
    if (o === o0 && n === n0) throw new Error(`line ${o} and ${n} are paired inconsistently`);
    const start = (at: number, count: number) => (count === 0 ? at : at + 1);
    hunks.push([start(o0, o - o0), o - o0, start(n0, n - n0), n - n0]);
  }
  return hunks;
}

/**
 * `git diff --no-index -U0` over many pairs in one run: the pairs are written as old/K and new/K, and the
 * answer is each pair's hunks (none for equal texts). `config` are `-c` settings, `flags` more options.
 */
export function gitHunks(pairs: readonly [string, string][], config: string[] = [], flags: string[] = []): Hunk[][] {
  const dir = mkdtempSync(path.join(tmpdir(), 'xdiff-oracle-'));
  try {
    mkdirSync(path.join(dir, 'old'));
    mkdirSync(path.join(dir, 'new'));
    pairs.forEach(([a, b], k) => {
      writeFileSync(path.join(dir, 'old', String(k)), a);
      writeFileSync(path.join(dir, 'new', String(k)), b);
    });
    const args = [...config.flatMap((c) => ['-c', c]), 'diff', '--no-index', '--no-color', '--no-ext-diff', '--no-textconv', '-U0', ...flags, 'old', 'new'];
    const out = spawnSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (out.status !== 0 && out.status !== 1) throw new Error(`git diff failed: ${out.stderr}`);
    const hunks: Hunk[][] = pairs.map(() => []);
    for (const part of out.stdout.split(/^diff --git /m).slice(1)) {
      const k = /^a\/old\/(\d+) /.exec(part);
      if (!k) throw new Error(`unexpected diff header: ${part.slice(0, 80)}`);
      if (/^Binary files /m.test(part)) throw new Error(`git took pair ${k[1]} for binary`);
      for (const h of part.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
        hunks[Number(k[1])]!.push([Number(h[1]), Number(h[2] ?? 1), Number(h[3]), Number(h[4] ?? 1)]);
      }
    }
    return hunks;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
