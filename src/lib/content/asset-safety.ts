// Runs anywhere: decides whether a content asset is safe to publish as it is (no LFS pointers, no scripted SVG).
import { problem, type Problem } from '../problems.ts';

/** Git LFS pointer files are a few lines of text; real files are far larger or do not start this way. */
const LFS_POINTER_MAX_BYTES = 1024;
const LFS_POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\r?\n/;

/**
 * Things that make an SVG run script when opened directly (it is harmless inside `<img>`, but the
 * asset is published at its own URL). Matched case-insensitively on the whole text.
 */
const SVG_ACTIVE_CONTENT: [RegExp, string][] = [
  [/<script[\s>/]/i, '<script>'],
  [/\son[a-z]+\s*=/i, 'an event handler (on…=)'],
  [/(?:href|src)\s*=\s*["']?\s*(?:javascript|data:text\/html)/i, 'a javascript: or data:text/html URL'],
  [/<foreignObject[\s>/]/i, '<foreignObject>'],
  [/<!ENTITY/i, 'an XML entity declaration'],
];

const isSvg = (file: string) => /\.svgz?$/i.test(file);

/** Only these files need their bytes read: SVGs, and anything small enough to be an LFS pointer. */
export function needsContentCheck(file: string, sizeBytes: number): boolean {
  return isSvg(file) || sizeBytes <= LFS_POINTER_MAX_BYTES;
}

/** One problem naming the file, or undefined when the asset can be published as it is. */
export function checkAsset(file: string, bytes: Uint8Array): Problem | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  if (bytes.length <= LFS_POINTER_MAX_BYTES && LFS_POINTER.test(head)) {
    return problem(file, 'is a Git LFS pointer, not the file itself: run `git lfs pull` (in CI, check out with LFS enabled)');
  }
  if (isSvg(file) && !/\.svgz$/i.test(file)) {
    const text = new TextDecoder().decode(bytes);
    const found = SVG_ACTIVE_CONTENT.find(([pattern]) => pattern.test(text));
    if (found) {
      const line = text.slice(0, text.search(found[0])).split('\n').length;
      return problem(file, `SVG contains ${found[1]}, which would run when the file is opened directly: remove it`, { line });
    }
  }
  return undefined;
}
