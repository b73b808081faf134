// The combined diff of a merge on its own: marks per parent, where removed lines go, which hunks show, and the limits.
import { describe, expect, it } from 'vitest';
import { diffMerge } from '../../src/lib/site/merge-diff.ts';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const rows = (diff: ReturnType<typeof diffMerge>) => diff.hunks.flatMap((h) => h.lines.map((l) => `${l.marks.join('')}|${l.newLine ?? ''}|${l.text}`));

describe('the combined diff of a merge', () => {
  it('joins a line every parent lost into one removed line marked in every column', () => {
    const diff = diffMerge([text('a', 'b', 'c'), text('a', 'b', 'c', 'd')], text('a', 'c', 'd'));
    expect(rows(diff)).toEqual(['  |1|a', '--||b', '  |2|c', '+ |3|d']);
    expect([diff.own, diff.ownRemoved]).toEqual([0, 1]);
  });

  it('marks every line of a parent without the page as added against it, and credits the merge only with lines from no parent', () => {
    const diff = diffMerge([null, text('a', 'b')], text('a', 'b', 'z'), { context: 0 });
    expect(rows(diff)).toEqual(['++|3|z']);
    expect([diff.own, diff.ownRemoved]).toEqual([1, 0]);
  });

  it('has no hunk for a merge that only took its sides', () => {
    const diff = diffMerge([text('x', 'b', 'c'), text('a', 'b', 'y')], text('x', 'b', 'y'));
    expect(diff.hunks).toEqual([]);
    expect(diff.skippedAfter).toBe(3);
    expect([diff.own, diff.ownRemoved]).toEqual([0, 0]);
  });

  it('draws one column per parent of an octopus merge', () => {
    const diff = diffMerge([text('a', 'b'), text('a', 'B'), text('A', 'b')], text('A', 'B', 'new'), { context: 1 });
    expect(rows(diff)).toEqual(['+ +|2|B', '+++|3|new']);
    expect(diff.parents).toBe(3);
  });

  it('cuts a long diff at the line limit and says so', () => {
    const many = Array.from({ length: 50 }, (_, i) => `new ${i}`);
    const diff = diffMerge([text('a'), text('a')], text('a', ...many), { maxLines: 10 });
    expect(diff.hunks.flatMap((h) => h.lines)).toHaveLength(10);
    expect(diff.truncated).toBe(true);
    expect(diff.own).toBe(50);
  });
});
