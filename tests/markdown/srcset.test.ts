// Reading and filtering srcset as browsers read it: commas inside data: URLs, descriptors, odd spacing.
import { describe, expect, it } from 'vitest';
import { isSafeImageUrl } from '../../src/lib/content/safe-url.ts';
import { filterSrcset, parseSrcset } from '../../src/lib/content/srcset.ts';

describe('parseSrcset', () => {
  it.each([
    ['a.png', [{ url: 'a.png', descriptors: [] }]],
    ['a.png 1x, b.png 2x', [{ url: 'a.png', descriptors: ['1x'] }, { url: 'b.png', descriptors: ['2x'] }]],
    ['a.png,b.png 2x', [{ url: 'a.png,b.png', descriptors: ['2x'] }]],
    ['a.png, b.png', [{ url: 'a.png', descriptors: [] }, { url: 'b.png', descriptors: [] }]],
    ['  a.png   640w ,\n b.png\t1280w  ', [{ url: 'a.png', descriptors: ['640w'] }, { url: 'b.png', descriptors: ['1280w'] }]],
    ['data:image/png;base64,AAA= 1x, data:text/html,<b>x</b> 2x', [{ url: 'data:image/png;base64,AAA=', descriptors: ['1x'] }, { url: 'data:text/html,<b>x</b>', descriptors: ['2x'] }]],
    ['a.png f(1, 2) 2x, b.png', [{ url: 'a.png', descriptors: ['f(1, 2)', '2x'] }, { url: 'b.png', descriptors: [] }]],
    [',,, ,', []],
  ])('reads %j', (text, expected) => {
    expect(parseSrcset(text)).toEqual(expected);
  });
});

describe('filterSrcset', () => {
  it('keeps safe candidates and drops the rest, each on its own', () => {
    expect(filterSrcset('dark.png 1x, javascript:alert(1) 2x, data:text/html,<script>alert(1)</script> 3x, data:image/png;base64,AAA= 4x', isSafeImageUrl)).toBe('dark.png 1x, data:image/png;base64,AAA= 4x');
  });

  it('drops candidates with descriptors no browser accepts, and writes the rest back unambiguously', () => {
    expect(filterSrcset('a.png 2x 640w, b.png bogus, c.png 1.5x, d.png', isSafeImageUrl)).toBe('a.png 2x 640w, c.png 1.5x, d.png');
    expect(filterSrcset('javascript:alert(1)', isSafeImageUrl)).toBe('');
  });
});
