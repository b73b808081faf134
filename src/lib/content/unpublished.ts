// Runs anywhere: why a file under the content folder is not published, and the list of them the build ends with, grouped by reason.
import type { SkipReason } from './page-rule.ts';
import type { UnpublishedFile } from './types.ts';

export function skippedEntryReason(reason: SkipReason): string {
  return reason.kind === 'hidden'
    ? 'hidden: its name starts with a dot'
    : `in a folder that is not content (exclude: "${reason.glob}")`;
}

export const UNREFERENCED_REASON = 'not linked from any page, and no page is in its folder';

const count = (n: number, one: string, many = one + 's') => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface UnpublishedSummaryOptions {
  /** Paths shown per reason; the rest are counted. */
  examples?: number;
  /** How to get the whole list, said once at the top. */
  fullList?: string;
}

/**
 * The build's closing list: one heading line, then one line per reason (most files first) with its count
 * and the first few paths. Its length depends on the number of reasons, not of files, so it stays
 * readable at 10,000 files.
 */
export function unpublishedSummary(files: readonly UnpublishedFile[], options: UnpublishedSummaryOptions = {}): string[] {
  if (files.length === 0) return [];
  const examples = options.examples ?? 3;
  const byReason = new Map<string, UnpublishedFile[]>();
  for (const f of files) {
    const list = byReason.get(f.reason);
    if (list) list.push(f);
    else byReason.set(f.reason, [f]);
  }
  const folders = files.filter((f) => f.file.endsWith('/')).length;
  const what = [folders > 0 ? count(folders, 'folder') : '', files.length > folders ? count(files.length - folders, 'file') : ''].filter(Boolean).join(' and ');
  const lines = [`${what} in the content folder not published${options.fullList ? ` (${options.fullList})` : ''}:`];
  const groups = [...byReason].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : a > b ? 1 : 0));
  for (const [reason, list] of groups) {
    const shown = list.slice(0, examples).map((f) => f.file);
    const more = list.length > examples ? ` and ${count(list.length - examples, 'more', 'more')}` : '';
    lines.push(`  ${list.length.toLocaleString('en-US')} ${reason}: ${shown.join(', ')}${more}`);
  }
  return lines;
}
