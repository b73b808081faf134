// Runs anywhere: git's default line diff (xdl_diff: prepare, Myers search, change compaction both ways), as blame and `git diff` run it.
//
// Hand-written (see prepare.ts): ported from git's xdiff so that every tie git breaks is broken the same way.
import { compactChanges } from './compact.ts';
import { markChanges } from './myers.ts';
import { prepare, type XdFile } from './prepare.ts';

export interface XdiffOptions {
  /** diff.indentHeuristic, on by default in git. */
  indentHeuristic?: boolean;
  /** `--minimal` (XDF_NEED_MINIMAL): no cost limits. Off in git by default. */
  minimal?: boolean;
}

/**
 * Both sides with their changed records marked (`changed[i + 1]` for line i). Lines from `nrec` on are the
 * common tail git dropped before diffing: unchanged.
 */
export function xdiff(oldLines: readonly string[], newLines: readonly string[], options: XdiffOptions = {}): [XdFile, XdFile] {
  const [f1, f2] = prepare(oldLines, newLines);
  markChanges(f1, f2, options.minimal === true);
  const indentHeuristic = options.indentHeuristic !== false;
  compactChanges(f1, f2, indentHeuristic);
  compactChanges(f2, f1, indentHeuristic);
  return [f1, f2];
}
