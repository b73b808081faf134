import { describe, expect, it } from 'vitest';
import { diffRevision } from '../../src/lib/site/revision-diff.ts';

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

describe('the diff of a revision', () => {
  it('marks the changed words inside an edited line', () => {
    const diff = diffRevision('# Title\n\nRun the backup nightly.\n', '# Title\n\nRun the full backup weekly.\n');
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    expect(diff.hunks).toHaveLength(1);
    const [removed, added] = diff.hunks[0]!.lines.filter((l) => l.kind !== 'context');
    expect(removed).toEqual({ kind: 'removed', oldLine: 3, segments: [{ text: 'Run the backup ' }, { text: 'nightly', changed: true }, { text: '.' }] });
    expect(added).toEqual({ kind: 'added', newLine: 3, segments: [{ text: 'Run the ' }, { text: 'full ', changed: true }, { text: 'backup ' }, { text: 'weekly', changed: true }, { text: '.' }] });
  });

  it('shows a rewritten line as a whole removal and addition', () => {
    const diff = diffRevision('alpha beta gamma\n', 'something else entirely\n');
    expect(diff.hunks[0]!.lines).toEqual([
      { kind: 'removed', oldLine: 1, segments: [{ text: 'alpha beta gamma', changed: true }] },
      { kind: 'added', newLine: 1, segments: [{ text: 'something else entirely', changed: true }] },
    ]);
  });

  it('collapses unchanged lines beyond the context', () => {
    const before = lines(20).join('\n') + '\n';
    const after = before.replace('line 10\n', 'line ten\n');
    const diff = diffRevision(before, after, { context: 2 });
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0]!.skipped).toBe(7);
    expect(diff.hunks[0]!.lines.map((l) => [l.kind, l.oldLine ?? null, l.newLine ?? null])).toEqual([
      ['context', 8, 8], ['context', 9, 9], ['removed', 10, null], ['added', null, 10], ['context', 11, 11], ['context', 12, 12],
    ]);
    expect(diff.skippedAfter).toBe(8);
  });

  it('splits distant changes into hunks', () => {
    const before = lines(30).join('\n') + '\n';
    const after = before.replace('line 2\n', 'line two\n').replace('line 28\n', '');
    const diff = diffRevision(before, after, { context: 3 });
    expect(diff.hunks.map((h) => [h.skipped, h.lines.length])).toEqual([[0, 6], [19, 6]]);
    expect(diff.skippedAfter).toBe(0);
    expect(diff.removed).toBe(2);
    expect(diff.added).toBe(1);
  });

  it('shows a new page as all additions and stops at the line budget', () => {
    const diff = diffRevision(null, lines(10).join('\n') + '\n', { maxLines: 4 });
    expect(diff.added).toBe(10);
    expect(diff.truncated).toBe(true);
    expect(diff.hunks[0]!.lines.map((l) => l.newLine)).toEqual([1, 2, 3, 4]);
    expect(diff.chars).toBe(24);
  });

  it('stops at a character budget, however few the lines', () => {
    const diff = diffRevision(null, 'x'.repeat(50) + '\n' + 'y'.repeat(50) + '\n', { maxChars: 60 });
    expect(diff.truncated).toBe(true);
    expect(diff.hunks[0]!.lines).toHaveLength(1);
    expect(diffRevision(null, 'x'.repeat(50) + '\n', { maxChars: 0 })).toMatchObject({ hunks: [], truncated: true, chars: 0, added: 1 });
  });
});

describe('word highlights', () => {
  it('highlights words when most of the shorter line survives', () => {
    const diff = diffRevision('Our default is a B-tree. On the orders\n', 'Our default on busy tables is a narrow B-tree, partial where the query allows. On the orders\n');
    const added = diff.hunks[0]!.lines.find((l) => l.kind === 'added')!;
    expect(added.segments.filter((s) => s.changed).map((s) => s.text)).toEqual(['on busy tables ', 'narrow ', ', partial where the query allows']);
  });
});
