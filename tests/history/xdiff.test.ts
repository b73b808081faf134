// Tests the one line matcher against git's own diff: the exact -U0 hunks of `git diff --no-index`, with and without the indent heuristic, past git's cost limits and its common-tail trim.
import { describe, expect, it } from 'vitest';
import { matchLines, splitLines } from '../../src/lib/history/line-match.ts';
import type { XdiffOptions } from '../../src/lib/history/xdiff/diff.ts';
import { droppedTailLines } from '../../src/lib/history/xdiff/prepare.ts';
import { edited, fileText, gitHunks, hunksOf, random, someLines, textPair, type Hunk } from './xdiff-oracle.ts';

const engineHunks = (pairs: readonly [string, string][], options?: XdiffOptions): Hunk[][] => pairs.map(([a, b]) => hunksOf(matchLines(splitLines(a), splitLines(b), options)));

/** Seed by seed, so a failure names the pair. */
const bySeed = (hunks: Hunk[][], first: number) => hunks.map((h, k) => ({ seed: first + k, hunks: h }));

const NO_INDENT_HEURISTIC = ['diff.indentHeuristic=false'];

describe('git diff, pair by pair', () => {
  const FIRST = 1;
  const pairs = Array.from({ length: 2000 }, (_, k) => textPair(FIRST + k));
  const git = gitHunks(pairs);
  const gitPlain = gitHunks(pairs, NO_INDENT_HEURISTIC);

  it('gives git diff -U0 hunks exactly, over many generated pairs', () => {
    expect(bySeed(engineHunks(pairs), FIRST)).toEqual(bySeed(git, FIRST));
    // The pairs do differ, often in more than one place.
    expect(git.filter((h) => h.length > 0).length).toBeGreaterThan(1800);
    expect(git.filter((h) => h.length > 2).length).toBeGreaterThan(500);
  });

  it('gives git diff -U0 hunks without the indent heuristic when git is told so', () => {
    expect(bySeed(engineHunks(pairs, { indentHeuristic: false }), FIRST)).toEqual(bySeed(gitPlain, FIRST));
    // The heuristic decides some of these pairs: the two answers are not the same test twice.
    const decided = git.filter((h, k) => JSON.stringify(h) !== JSON.stringify(gitPlain[k])).length;
    expect(decided).toBeGreaterThan(50);
  });
});

describe('git diff on cases its heuristics decide', () => {
  const blocks = (...parts: string[][]) => parts.map((b) => b.join('\n')).join('\n\n') + '\n';

  it('places an added nested block next to a similar one where the indent heuristic does', () => {
    const item = ['- Backups:', '  - nightly', '  - weekly'];
    const unfinished = ['function f() {', '\tif (a) {', '', '}'];
    const pairs: [string, string][] = [
      [blocks(['# Runbook'], item, ['Done.']), blocks(['# Runbook'], item, item, ['Done.'])],
      [blocks(unfinished, ['function f() {', '\treturn x;', '}']), `${unfinished.join('\n')}\n${blocks(unfinished, ['function f() {', '\treturn x;', '}'])}`],
    ];
    const git = gitHunks(pairs);
    const gitPlain = gitHunks(pairs, NO_INDENT_HEURISTIC);
    expect(engineHunks(pairs)).toEqual(git);
    expect(engineHunks(pairs, { indentHeuristic: false })).toEqual(gitPlain);
    // Without the heuristic git puts each block as low as it slides; with it, elsewhere.
    for (let k = 0; k < pairs.length; k++) expect(git[k], `pair ${k}`).not.toEqual(gitPlain[k]);
  });

  it('stops searching at git cost limit on a long change with scattered edits, as git does (not a minimal diff)', () => {
    const r = random(7);
    const vocabulary = Array.from({ length: 40 }, (_, k) => `line ${k}`);
    const pairs: [string, string][] = [];
    for (let k = 0; k < 3; k++) {
      const old = Array.from({ length: 3000 }, () => r.pick(vocabulary));
      const changed = old.map((l) => (r.int(3) === 0 ? r.pick(vocabulary) : l));
      pairs.push([old.join('\n') + '\n', changed.join('\n') + '\n']);
    }
    const git = gitHunks(pairs);
    const minimal = gitHunks(pairs, [], ['--minimal']);
    expect(engineHunks(pairs)).toEqual(git);
    expect(engineHunks(pairs, { minimal: true })).toEqual(minimal);
    // The limit changes git's answer: at least one of these is not the minimal diff.
    expect(git.some((h, k) => JSON.stringify(h) !== JSON.stringify(minimal[k]))).toBe(true);
  });

  it('takes a long snake far along the diagonals once the cost passes 256 in a big file, as git does', () => {
    // 36,000 lines make git's cost limit 512, so between costs 256 and 512 the snake heuristic cuts the
    // search (without it this engine answered differently here); the answer is not the minimal diff.
    const r = random(11);
    const vocabulary = Array.from({ length: 300 }, (_, k) => `entry ${k}`);
    const old = Array.from({ length: 36_000 }, () => r.pick(vocabulary));
    const lines = [...old];
    for (let at = 0; at < lines.length; at += 1 + r.int(12)) {
      if (r.int(2) === 0) lines[at] = r.pick(vocabulary);
      else lines.splice(at, r.int(3), ...Array.from({ length: r.int(3) }, () => r.pick(vocabulary)));
    }
    const pairs: [string, string][] = [[old.join('\n') + '\n', lines.join('\n') + '\n']];
    const git = gitHunks(pairs);
    const minimal = gitHunks(pairs, [], ['--minimal']);
    expect(engineHunks(pairs)).toEqual(git);
    expect(git[0]).not.toEqual(minimal[0]);
  });

  it('diffs only what precedes the common tail git drops in 1,024-byte blocks', () => {
    const run = (n: number) => 'x\n'.repeat(n);
    const pairs: [string, string][] = [
      [`a\n${run(1000)}`, `a\n${run(1001)}`],
      [`a\n${run(600)}b\n${run(700)}`, `b\n${run(601)}a\n${run(700)}`],
      [`é${run(511)}`, `è${run(512)}`],
      [`a\n  b\n${'    ü\n'.repeat(300)}`, `a\n  b\n  b\n${'    ü\n'.repeat(300)}`],
    ];
    expect(engineHunks(pairs)).toEqual(gitHunks(pairs));
    expect(droppedTailLines(splitLines(pairs[0]![0]), splitLines(pairs[0]![1]))).toBeGreaterThan(0);
  });

  it('agrees on CRLF, missing final newlines and texts with no lines', () => {
    const r = random(3);
    const pairs: [string, string][] = [
      ['', ''],
      ['', 'a\n'],
      ['a\n', ''],
      ['a', 'a\n'],
      ['a\r\nb\r\n', 'a\nb\n'],
      ['\n\n\n', '\n\n'],
    ];
    for (let k = 0; k < 200; k++) {
      const old = someLines(r, 2, 30);
      pairs.push([fileText(r, old), fileText(r, edited(r, old, 2, 3))]);
    }
    expect(engineHunks(pairs)).toEqual(gitHunks(pairs));
  });
});
