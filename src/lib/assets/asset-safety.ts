// Runs in Node (the SVG check uses node:zlib; no I/O): decides whether a content asset is safe to publish as it is (no LFS pointers, no scripted SVG).
import { problem, type Problem } from '../problems.ts';
import { checkSvg } from './svg-safety.ts';

/** Git LFS pointer files are a few lines of text; real files are far larger or do not start this way. */
const LFS_POINTER_MAX_BYTES = 1024;
const LFS_POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\r?\n/;

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
  if (isSvg(file)) return checkSvg(file, bytes);
  return undefined;
}
