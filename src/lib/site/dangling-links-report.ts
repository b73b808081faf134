// Runs anywhere: the build log's lines for dangling links, grouped by link so one broken sidebar entry on every page reads as one problem.
import { formatProblem, problem } from '../problems.ts';
import type { DanglingLink } from './dangling-links.ts';

/**
 * `dist/<file>: error: <url> points to nothing (<why>)`, grouped by link and reason, each group listing at most
 * `perLink` files and then how many more hold the same link. `folder` names the build folder as the user knows it.
 */
export function danglingLinkLines(dangling: readonly DanglingLink[], folder: string, perLink = 5): string[] {
  const groups = new Map<string, DanglingLink[]>();
  for (const d of dangling) {
    const key = `${d.severity}\n${d.url}\n${d.why}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const lines: string[] = [];
  const rank = (d: DanglingLink) => (d.severity === 'error' ? 0 : 1);
  const sorted = [...groups.values()].sort((a, b) => rank(a[0]!) - rank(b[0]!) || a[0]!.url.localeCompare(b[0]!.url) || a[0]!.why.localeCompare(b[0]!.why));
  for (const group of sorted) {
    const files = [...new Set(group.map((d) => d.file))].sort();
    for (const file of files.slice(0, perLink)) {
      const { url, why, severity } = group[0]!;
      lines.push(formatProblem(problem(`${folder}/${file}`, `${url} points to nothing (${why})`, {}, severity)));
    }
    if (files.length > perLink) lines.push(`  … and ${files.length - perLink} more files with the same link`);
  }
  return lines;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const filesOf = (dangling: readonly DanglingLink[]) => count(new Set(dangling.map((d) => d.file)).size, 'file');

/** The line that ends the build when the wiki wrote links that land nowhere. */
export const danglingLinksSummary = (errors: readonly DanglingLink[]): string =>
  `${count(errors.length, 'internal link')} of the built site ${errors.length === 1 ? 'points' : 'point'} to nothing, in ${filesOf(errors)} (listed above): a bug of the wiki, not of the content, please report it`;

/** The line after the warnings: fragments that the pages' own text names and no page offers. */
export const missingFragmentsSummary = (warnings: readonly DanglingLink[]): string =>
  `${count(warnings.length, 'link')} in the pages' text (${filesOf(warnings)}) ${warnings.length === 1 ? 'names a section' : 'name sections'} no page has (listed above); the site builds anyway`;
