// Runs anywhere: lines a commit moved or copied from its parents' text keep the origins of the lines they came from, as `git blame -C` (with the -M it implies) credits them.
//
// git blames backwards from HEAD; this engine walks forwards once, so git's rules are ported rather than
// git asked (facts from git's blame.c: find_move_in_parent, find_copy_in_parent, find_copy_in_blob,
// handle_split, copy_split_if_better, blame_entry_score, filter_small). git's blame entries are here the
// runs of a version's own lines, the lines no parent's diff explains.
import type { PageVersion } from './blame.ts';
import { matchLines } from './line-match.ts';
import type { CopySplit, Marks, MoveMark } from './move-marks.ts';

/** git's BLAME_DEFAULT_MOVE_SCORE and BLAME_DEFAULT_COPY_SCORE: a stretch moves only when its score is above them. */
export const MOVE_SCORE = 20;
export const COPY_SCORE = 40;

/** A file of a parent whose lines may have been copied: one the commit changed or deleted, a page or any other file. */
export interface SourceFile {
  path: string;
  lines: readonly string[];
  /** Its lines' origins; null for a file outside the pages, whose history is followed back only once a split from it is taken. */
  origins: readonly number[] | null;
  /** Its lines' own moves, which the lines moved from it carry on as their inner moves. */
  marks?: Marks | undefined;
}

/** The line origins (and moves) of files outside the pages, by path, at the parent (undefined: no history known, the lines stay the commit's). */
export type OriginsOf = (paths: readonly string[]) => Promise<readonly (Pick<PageVersion, 'origins' | 'marks'> | undefined)[]>;

/** One parent as moved text looks at it. */
export interface MoveParent {
  /** The page's own version in this parent (git's porigin), searched for moves within the page. */
  own: PageVersion | undefined;
  /** Its path there: that file is left out of the search for copies, as git leaves it. */
  ownPath: string | null;
  /** The other files of this parent the commit changed or deleted, read only when some run needs them; null: none are searched. */
  copies: (() => Promise<CopyIndex>) | null;
}

/** Lines [start, end) of the new version. */
interface Run {
  start: number;
  end: number;
}

/** A run's best stretch in one source: lines [start, end) equal the source's lines from `from` on. */
interface Split extends Run {
  from: number;
  score: number;
  /** The score it had to be above: git keeps the same rule when blaming from HEAD (move-marks.ts). */
  threshold: number;
  /** A copy whose lines a later file has too (CopyIndex.laterHas). */
  contested?: boolean;
  source: { lines: readonly string[]; origins: readonly number[] | null; marks?: Marks | undefined };
  path: string | null;
}

/** A page's line origins as moved text changes them: `marks` is made when the first line moves. */
export interface Credit {
  origins: number[];
  marks?: (MoveMark | null)[] | undefined;
}

/** What a split's lines are marked with: the moving commit and the split's number among that commit's splits. */
interface Mover {
  commit: number;
  splits: { next: number };
  scores: Scores;
  /** The parent being searched, and the page's path there. */
  parent: number;
  ownPath: string | null;
}

/** git's isalnum, byte-wise and ASCII only: the bytes of a UTF-8 character never count. */
function alnumCount(line: string): number {
  let n = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

function hasAlnum(line: string): boolean {
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

/** blame_entry_score: one more than the alphanumerics of the lines, from prefix sums within each run (a score never spans two). */
class Scores {
  readonly alnum: Int32Array;
  private readonly prefix: Int32Array;

  constructor(lines: readonly string[], runs: readonly Run[]) {
    this.alnum = new Int32Array(lines.length);
    this.prefix = new Int32Array(lines.length + 1);
    for (const r of runs) {
      for (let k = r.start; k < r.end; k++) {
        this.alnum[k] = alnumCount(lines[k]!);
        this.prefix[k + 1] = this.prefix[k]! + this.alnum[k]!;
      }
    }
  }

  of(start: number, end: number): number {
    return 1 + this.prefix[end]! - this.prefix[start]!;
  }
}

/** The candidate files of one parent, with the files each line of them (that has an alphanumeric) occurs in. */
export class CopyIndex {
  readonly files: readonly SourceFile[];
  readonly originsOf: OriginsOf;
  private readonly postings = new Map<string, number[]>();

  /** `files` in git's path order: where two files give an equally good stretch, the later one wins. */
  constructor(files: readonly SourceFile[], originsOf: OriginsOf = async (paths) => paths.map(() => undefined)) {
    this.files = files;
    this.originsOf = originsOf;
    for (let f = 0; f < files.length; f++) {
      for (const line of files[f]!.lines) {
        const list = this.postings.get(line);
        if (list) {
          if (list[list.length - 1] !== f) list.push(f);
        } else if (hasAlnum(line)) this.postings.set(line, [f]);
      }
    }
  }

  static readonly empty = new CopyIndex([]);

  /** Whether a file after `file` in path order (but the page's own) has some line of `run`: only then can a part of the run be taken from another file (move-marks.ts copiedParts). */
  laterHas(lines: readonly string[], run: Run, file: number, ownPath: string | null): boolean {
    for (let k = run.start; k < run.end; k++) {
      for (const f of this.postings.get(lines[k]!) ?? []) if (f > file && this.files[f]!.path !== ownPath) return true;
    }
    return false;
  }

  /**
   * For each file that has some of the run's lines, the highest score a stretch of the run could reach
   * in it: the best sum over lines it has that follow each other in the run (lines without alphanumerics,
   * which add nothing and are not indexed, are skipped over). No other file can hold a stretch worth moving.
   */
  bounds(lines: readonly string[], run: Run, scores: Scores): Map<number, number> {
    const best = new Map<number, number>();
    const last = new Map<number, { at: number; sum: number }>();
    let at = 0;
    for (let k = run.start; k < run.end; k++) {
      const a = scores.alnum[k]!;
      if (a === 0) continue;
      for (const f of this.postings.get(lines[k]!) ?? []) {
        const seen = last.get(f);
        const sum = seen && seen.at === at - 1 ? seen.sum + a : a;
        last.set(f, { at, sum });
        if (sum + 1 > (best.get(f) ?? 0)) best.set(f, sum + 1);
      }
      at++;
    }
    return best;
  }
}

/**
 * Per parent, its candidate files (`load`ed: the pages and the other files the commit changed or
 * deleted) read and indexed once per commit, when some page first has a run worth a copy; a commit
 * whose new text is all short runs reads none.
 */
export function copiesPerParent(load: (parent: number) => Promise<{ files: SourceFile[]; originsOf: OriginsOf }>): (parent: number) => () => Promise<CopyIndex> {
  const indexes = new Map<number, Promise<CopyIndex>>();
  return (parent) => () => {
    let found = indexes.get(parent);
    if (!found) {
      found = load(parent).then(({ files, originsOf }) => (files.length === 0 ? CopyIndex.empty : new CopyIndex(files, originsOf)));
      indexes.set(parent, found);
    }
    return found;
  };
}

/** The runs of lines whose origin is the commit itself. */
function ownRuns(origins: readonly number[], commit: number): Run[] {
  const runs: Run[] = [];
  for (let k = 0; k < origins.length; k++) {
    if (origins[k] !== commit) continue;
    const start = k;
    while (k + 1 < origins.length && origins[k + 1] === commit) k++;
    runs.push({ start, end: k + 1 });
  }
  return runs;
}

/**
 * find_copy_in_blob: the run is diffed against the whole source; each stretch of lines the diff keeps
 * is a possible split, and the best scoring one wins, the later one on a tie (handle_split).
 */
function bestSplit(source: Split['source'], path: string | null, lines: readonly string[], run: Run, scores: Scores, threshold: number): Split | undefined {
  const match = matchLines(source.lines, lines.slice(run.start, run.end));
  const from = match.fromOld;
  let best: Split | undefined;
  for (let k = 0; k < from.length; ) {
    if (from[k]! < 0) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < from.length && from[end] === from[end - 1]! + 1) end++;
    const score = scores.of(run.start + k, run.start + end);
    if (!best || score >= best.score) best = { start: run.start + k, end: run.start + end, from: from[k]!, score, threshold, source, path };
    k = end;
  }
  return best;
}

/** Gives the split's lines their source lines' origins (or sets it aside until they are known) and marks them; returns what is left of the run on either side. */
function apply(credit: Credit, mover: Mover, run: Run, split: Split, later: Split[]): Run[] {
  const from = split.source.origins;
  if (from) for (let k = split.start; k < split.end; k++) credit.origins[k] = from[split.from + k - split.start]!;
  else later.push(split);
  const marks = (credit.marks ??= new Array<MoveMark | null>(credit.origins.length).fill(null));
  const id = mover.splits.next++;
  const copy: CopySplit | undefined = split.path === null ? undefined : { parent: mover.parent, start: split.start, end: split.end, path: split.path, ownPath: mover.ownPath, contested: split.contested === true };
  for (let k = split.start; k < split.end; k++) {
    const inner = split.source.marks?.[split.from + k - split.start] ?? null;
    marks[k] = { commit: mover.commit, split: id, line: k, alnum: mover.scores.alnum[k]!, threshold: split.threshold, copy, inner };
  }
  const rest: Run[] = [];
  if (split.start > run.start) rest.push({ start: run.start, end: split.start });
  if (split.end < run.end) rest.push({ start: split.end, end: run.end });
  return rest;
}

/**
 * One parent's search (find_move_in_parent / find_copy_in_parent): each run takes its best split if
 * it scores above `threshold`; what is left of it either side is searched again, until nothing moves.
 * Runs (and leftovers) at or under the threshold are set aside (filter_small). Returns the runs no
 * split was good enough for.
 */
function searchParent(runs: Run[], threshold: number, mover: Mover, credit: Credit, splitOf: (run: Run) => Split | undefined, later: Split[] = []): Run[] {
  const { scores } = mover;
  const leftover: Run[] = [];
  let queue = runs;
  while (queue.length > 0) {
    const next: Run[] = [];
    for (const run of queue) {
      const split = splitOf(run);
      if (split && split.score > threshold) next.push(...apply(credit, mover, run, split, later));
      else leftover.push(run);
    }
    queue = next.filter((r) => scores.of(r.start, r.end) > threshold);
  }
  return leftover;
}

/** -M: the page's own parent version; a run without a stretch of lines it has worth moving is not diffed. */
function moveSplit(own: PageVersion, lines: readonly string[], runs: readonly Run[], scores: Scores): (run: Run) => Split | undefined {
  let present: Set<string> | undefined;
  return (run) => {
    if (!present) {
      // The runs' lines are few; the parent's are looked up in them rather than all put in a set.
      const wanted = new Set<string>();
      for (const r of runs) for (let k = r.start; k < r.end; k++) wanted.add(lines[k]!);
      present = new Set();
      for (const line of own.lines) if (wanted.has(line)) present.add(line);
    }
    let sum = 0;
    let best = 0;
    for (let k = run.start; k < run.end; k++) {
      if (!present.has(lines[k]!)) sum = 0;
      else if ((sum += scores.alnum[k]!) > best) best = sum;
    }
    return best + 1 > MOVE_SCORE ? bestSplit(own, null, lines, run, scores, MOVE_SCORE) : undefined;
  };
}

/** -C: every candidate file of the parent but the page's own; files are tried from the last, so a tie keeps the later file, as git's order does. */
function copySplit(index: CopyIndex, ownPath: string | null, lines: readonly string[], scores: Scores): (run: Run) => Split | undefined {
  return (run) => {
    const bounds = [...index.bounds(lines, run, scores)].filter(([f, bound]) => bound > COPY_SCORE && index.files[f]!.path !== ownPath).sort((a, b) => b[0] - a[0]);
    let best: Split | undefined;
    let bestFile = -1;
    for (const [f, bound] of bounds) {
      if (best && bound <= best.score) continue;
      const file = index.files[f]!;
      const split = bestSplit(file, file.path, lines, run, scores, COPY_SCORE);
      if (split && (!best || split.score > best.score)) {
        best = split;
        bestFile = f;
      }
    }
    if (best) best.contested = index.laterHas(lines, best, bestFile, ownPath);
    return best;
  };
}

/**
 * The splits taken from files outside the pages, once their origins are known: which split wins never
 * depends on origins, so only the files some run was actually copied from are followed back, together.
 */
async function creditLater({ origins, marks }: Credit, later: readonly Split[], originsOf: OriginsOf): Promise<void> {
  const paths = [...new Set(later.map((s) => s.path!))];
  const found = await originsOf(paths);
  for (const split of later) {
    const from = found[paths.indexOf(split.path!)];
    if (from?.origins.length !== split.source.lines.length) continue;
    for (let k = split.start; k < split.end; k++) {
      origins[k] = from.origins[split.from + k - split.start]!;
      const inner = from.marks?.[split.from + k - split.start];
      if (inner && marks?.[k]) marks[k] = { ...marks[k]!, inner };
    }
  }
}

/**
 * After the parents' diffs gave every line they explain its origin (`origins`, the rest being
 * `commit`'s own), credits the own lines found in the parents' text: first moves within the page
 * against each parent's version of it, then copies from the other files each parent had and the
 * commit changed or deleted, as git's pass_blame orders them. Changes `credit` in place, marking
 * each moved line (move-marks.ts); `splits` numbers the commit's splits across its pages. Returns how
 * many lines it credited to earlier commits.
 */
export async function creditMovedText(credit: Credit, lines: readonly string[], commit: number, parents: readonly MoveParent[], splits: { next: number } = { next: 0 }): Promise<number> {
  const { origins } = credit;
  const all = ownRuns(origins, commit);
  if (all.length === 0) return 0;
  const scores = new Scores(lines, all);
  const mover: Mover = { commit, splits, scores, parent: 0, ownPath: null };
  let runs = all.filter((r) => scores.of(r.start, r.end) > MOVE_SCORE);
  for (const [p, parent] of parents.entries()) {
    if (runs.length === 0) break;
    Object.assign(mover, { parent: p, ownPath: parent.ownPath });
    if (parent.own) runs = searchParent(runs, MOVE_SCORE, mover, credit, moveSplit(parent.own, lines, runs, scores));
  }
  runs = runs.filter((r) => scores.of(r.start, r.end) > COPY_SCORE);
  for (const [p, parent] of parents.entries()) {
    if (runs.length === 0) break;
    if (!parent.copies) continue;
    Object.assign(mover, { parent: p, ownPath: parent.ownPath });
    const index = await parent.copies();
    if (index.files.length === 0) continue;
    const later: Split[] = [];
    runs = searchParent(runs, COPY_SCORE, mover, credit, copySplit(index, parent.ownPath, lines, scores), later);
    if (later.length > 0) await creditLater(credit, later, index.originsOf);
  }
  let credited = 0;
  for (const r of all) for (let k = r.start; k < r.end; k++) if (origins[k] !== commit) credited++;
  return credited;
}

/**
 * The best stretch for lines [start, end) of `lines` among the index's files but `ownPath`, as git's
 * copy search takes it (a tie goes to the later file): for a part of a copied stretch that git blames
 * on its own (move-marks.ts copiedParts). Undefined when no file has a stretch above the copy score.
 */
export function bestCopy(index: CopyIndex, ownPath: string | null, lines: readonly string[], start: number, end: number): { path: string; from: number; start: number; end: number; sourceLength: number } | undefined {
  const run = { start, end };
  const split = copySplit(index, ownPath, lines, new Scores(lines, [run]))(run);
  if (!split || split.score <= COPY_SCORE || split.path === null) return undefined;
  return { path: split.path, from: split.from, start: split.start, end: split.end, sourceLength: split.source.lines.length };
}
