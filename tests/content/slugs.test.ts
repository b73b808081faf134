// Tests the one slugger: plain slugs for texts and path segments, and per-document heading ids with GitHub's repeat suffixes.
import { describe, expect, it } from 'vitest';
import { headingSlugger, segmentSlug, slugSegment, spelledSlug, textSlug } from '../../src/lib/content/slugs.ts';

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

describe('spelled-out slugs', () => {
  it('write each character GitHub drops as its name, and the whole name when it is punctuation alone', () => {
    expect(spelledSlug('clang++')).toBe('clang-plus-plus');
    expect(spelledSlug('C# notes')).toBe('c-hash-notes');
    expect(spelledSlug('a-+b')).toBe('a-plus-b');
    expect(spelledSlug('Hello World')).toBe('hello-world');
    expect(spelledSlug('---')).toBe('hyphen-hyphen-hyphen');
    expect(spelledSlug('.')).toBe('dot');
    expect(spelledSlug('a—b')).toBe('a-u2014-b');
  });

  it('give a name alone GitHub slug unless it has no letter or digit', () => {
    expect(segmentSlug('clang++')).toBe('clang');
    expect(segmentSlug('!')).toBe('exclamation');
    expect(segmentSlug('___')).toBe('underscore-underscore-underscore');
  });

  it('always give a slug that is its own GitHub slug, for any character', () => {
    const samples = ['!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', 'Ünïcödé ✓ 😀', 'İstanbul', 'e\u0301', '\u200b\u00a0', 'x\u0000y'];
    for (const sample of samples) {
      for (const s of [spelledSlug(sample), segmentSlug(sample)]) {
        expect(slugSegment(s)).toBe(s);
        expect(s).not.toBe('');
      }
    }
  });
});
