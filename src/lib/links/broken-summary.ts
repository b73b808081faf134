// Runs anywhere: the one line that ends a build whose broken links were only warnings.
import type { Problem } from '../problems.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const CHECK_COMMAND = 'npm run wiki -- check';

/** "312 pages, 41 broken links in 17 files (run `npm run wiki -- check` for the list)", or undefined with none broken. */
export function brokenLinksSummary(pages: number, broken: readonly Pick<Problem, 'file'>[]): string | undefined {
  if (broken.length === 0) return undefined;
  const files = new Set(broken.map((p) => p.file)).size;
  return `${count(pages, 'page')}, ${count(broken.length, 'broken link')} in ${count(files, 'file')} (run \`${CHECK_COMMAND}\` for the list)`;
}
