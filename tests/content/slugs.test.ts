// Tests the one slugger: plain slugs for texts and path segments, and per-document heading ids with GitHub's repeat suffixes.
import { describe, expect, it } from 'vitest';
import { headingSlugger, slugSegment, textSlug } from '../../src/lib/content/slugs.ts';

describe('slugs', () => {
  it('slug path segments NFC first, so both spellings of a name give one URL', () => {
    expect(slugSegment('Cafe\u0301 notes')).toBe(slugSegment('Café notes'));
    expect(slugSegment('Café notes')).toBe('café-notes');
    expect(slugSegment('!!!')).toBe('');
  });

  it('slug a text as GitHub does, with no memory of earlier ones', () => {
    expect(textSlug('Set up `psql`')).toBe('set-up-psql');
    expect(textSlug('Set up `psql`')).toBe('set-up-psql');
  });

  it('number repeated headings within one document only', () => {
    const first = headingSlugger();
    expect(['A', 'A', 'a', 'B'].map(first)).toEqual(['a', 'a-1', 'a-2', 'b']);
    expect(headingSlugger()('A')).toBe('a');
  });
});
