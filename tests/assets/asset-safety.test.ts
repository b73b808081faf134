// Which content assets may be published as they are.
import { describe, expect, it } from 'vitest';
import { checkAsset, needsContentCheck } from '../../src/lib/assets/asset-safety.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const LFS = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';

describe('checkAsset', () => {
  it('refuses a Git LFS pointer in place of an image', () => {
    expect(checkAsset('content/ops/diagram.png', bytes(LFS))?.message).toMatch(/Git LFS pointer.*git lfs pull/);
  });

  it('accepts ordinary files, including text that merely mentions LFS', () => {
    expect(checkAsset('content/ops/a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(checkAsset('content/ops/notes.txt', bytes('We use version https://git-lfs.github.com/spec/v1 here\n'))).toBeUndefined();
    expect(checkAsset('content/ops/ok.svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.org"><circle r="4"/></a></svg>'))).toBeUndefined();
  });

  it.each([
    ['<svg>\n<script>alert(1)</script></svg>', '<script>', 2],
    ['<svg onload="alert(1)"/>', 'event handler', 1],
    ['<svg>\n\n<a xlink:href="javascript:alert(1)">x</a></svg>', 'javascript:', 3],
    ['<svg><foreignObject><iframe/></foreignObject></svg>', '<foreignObject>', 1],
    ['<!DOCTYPE svg [<!ENTITY x "y">]><svg/>', 'entity', 1],
  ])('refuses an SVG that could run script: %s', (svg, what, line) => {
    const found = checkAsset('content/ops/x.svg', bytes(svg));
    expect(found?.message).toContain(what);
    expect(found?.line).toBe(line);
    expect(found?.file).toBe('content/ops/x.svg');
  });
});

describe('needsContentCheck', () => {
  it('reads SVGs and small files only', () => {
    expect(needsContentCheck('a/b.SVG', 5_000_000)).toBe(true);
    expect(needsContentCheck('a/b.png', 200)).toBe(true);
    expect(needsContentCheck('a/b.png', 5_000_000)).toBe(false);
  });
});
