// Tests the rename similarity score against git's own: git diff-tree -M prints it (R<percent>) for each pair of blobs.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SCORE, score, signatureOf } from '../../src/lib/history/similarity.ts';
import { git, TestRepo } from '../helpers/git-repo.ts';

let repo: TestRepo;
beforeAll(() => {
  repo = TestRepo.create();
});
afterAll(() => repo.remove());

function hashObject(content: Buffer): string {
  return execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: content, encoding: 'utf8' }).trim();
}

function treeWith(name: string, blob: string): string {
  return execFileSync('git', ['mktree'], { cwd: repo.dir, input: `100644 blob ${blob}\t${name}\n`, encoding: 'utf8' }).trim();
}

/** git's similarity in percent for `from` renamed to `to`, or null when it finds no rename at 1%. */
function gitPercent(from: Buffer, to: Buffer): number | null {
  const out = git(repo.dir, ['diff-tree', '-r', '-M1%', '--name-status', treeWith('from.md', hashObject(from)), treeWith('to.md', hashObject(to))]);
  const m = /^R(\d{3})\t/m.exec(out);
  return m ? Number(m[1]) : null;
}

/** A small deterministic generator, so the cases are the same on every run. */
function words(seed: number, n: number): string[] {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'][x % 8]! + (x % 97));
  }
  return out;
}

const cases: [string, Buffer, Buffer][] = [];
for (let k = 0; k < 12; k++) {
  const base = words(k + 1, 40 + k * 7);
  const lines = base.map((w, i) => `${w} ${'x'.repeat((i * 13) % 90)}`);
  const edited = lines.filter((_, i) => (i + k) % (3 + (k % 4)) !== 0).concat(words(k + 100, k * 3));
  cases.push([`edited text ${k}`, Buffer.from(lines.join('\n') + '\n'), Buffer.from(edited.join('\n') + '\n')]);
}
cases.push(['CRLF against LF', Buffer.from('one\r\ntwo\r\nthree\r\nfour\r\n'), Buffer.from('one\ntwo\nthree\nfive\n')]);
cases.push(['binary with CR LF', Buffer.from('a\0b\r\nc\r\nd\r\ne\r\n'), Buffer.from('a\0b\nc\nd\nf\n')]);
cases.push(['long lines cut at 64 bytes', Buffer.from('q'.repeat(300) + '\n' + 'r'.repeat(200)), Buffer.from('q'.repeat(300) + '\n' + 's'.repeat(150))]);

/** Two different lines of the same length that git's chunk hash puts in one bucket: git counts them as the same text. */
function collidingLines(): [string, string] {
  const seen = new Map<number, string>();
  for (let n = 10000; n < 99999; n++) {
    const line = `w${n}\n`;
    const hash = signatureOf(Buffer.from(line)).hashes[0]!;
    const other = seen.get(hash);
    if (other) return [other, line];
    seen.set(hash, line);
  }
  throw new Error('no two lines share a bucket');
}

describe('the rename score', () => {
  it('confuses the chunks git confuses', () => {
    const [x, y] = collidingLines();
    expect(x).not.toBe(y);
    expect(gitPercent(Buffer.from(x.repeat(10)), Buffer.from(y.repeat(10)))).toBe(100);
    expect(score(signatureOf(Buffer.from(x.repeat(10))), signatureOf(Buffer.from(y.repeat(10))))).toBe(MAX_SCORE);
  });

  it.each(cases)('%s scores what git prints', (_, from, to) => {
    const ours = Math.floor((score(signatureOf(from), signatureOf(to)) * 100) / MAX_SCORE);
    const theirs = gitPercent(from, to);
    expect(ours >= 1 ? ours : null).toBe(theirs);
  });

  it('covers scores on both sides of git 50% threshold', () => {
    const percents = cases.map(([, a, b]) => gitPercent(a, b) ?? 0);
    expect(percents.some((p) => p >= 50)).toBe(true);
    expect(percents.some((p) => p < 50)).toBe(true);
  });
});
