// The line that ends a build with broken links: counts of pages, links and the files they are in.
import { describe, expect, it } from 'vitest';
import { brokenLinksSummary } from '../../src/lib/links/broken-summary.ts';

describe('brokenLinksSummary', () => {
  it('counts broken links and the distinct files holding them', () => {
    const broken = [{ file: 'content/a.md' }, { file: 'content/a.md' }, { file: 'content/b.md' }];
    expect(brokenLinksSummary(312, broken)).toBe('312 pages, 3 broken links in 2 files (run `npm run wiki -- check` for the list)');
    expect(brokenLinksSummary(1, [{ file: 'content/a.md' }])).toBe('1 page, 1 broken link in 1 file (run `npm run wiki -- check` for the list)');
  });

  it('says nothing when no link is broken', () => {
    expect(brokenLinksSummary(12, [])).toBeUndefined();
  });
});
