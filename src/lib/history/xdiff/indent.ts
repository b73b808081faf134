// Runs anywhere: git's indent heuristic (xdiffi.c measure_split/score_add_split), which scores where a slidable change reads best.
//
// Hand-written (see prepare.ts); the weights are the ones git settled on empirically, on by default
// (diff.indentHeuristic) in `git diff` and `git blame`.

/** Indents are capped here, and this many blank lines count as a wall (MAX_INDENT, MAX_BLANKS). */
const MAX_INDENT = 200;
const MAX_BLANKS = 20;

const START_OF_FILE_PENALTY = 1;
const END_OF_FILE_PENALTY = 21;
const TOTAL_BLANK_WEIGHT = -30;
const POST_BLANK_WEIGHT = 6;
const RELATIVE_INDENT_PENALTY = -4;
const RELATIVE_INDENT_WITH_BLANK_PENALTY = 10;
const RELATIVE_OUTDENT_PENALTY = 24;
const RELATIVE_OUTDENT_WITH_BLANK_PENALTY = 17;
const RELATIVE_DEDENT_PENALTY = 23;
const RELATIVE_DEDENT_WITH_BLANK_PENALTY = 17;
const INDENT_WEIGHT = 60;

/** Not yet measured, in the indent cache. */
const UNKNOWN = -2;

/**
 * A line's indent with a tab to the next multiple of 8, or -1 for a line of whitespace only. Only
 * space, tab, newline and carriage return are whitespace to git's ctype.
 */
export function indentOf(line: string): number {
  let indent = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20) indent += 1;
    else if (c === 0x09) indent += 8 - (indent % 8);
    else if (c !== 0x0a && c !== 0x0d) return indent;
    if (indent >= MAX_INDENT) return MAX_INDENT;
  }
  return -1;
}

/** The records of one side, with their indents measured once. */
export class IndentedLines {
  private readonly lines: readonly string[];
  private readonly indents: Int16Array;
  readonly count: number;

  constructor(lines: readonly string[], count: number) {
    this.lines = lines;
    this.count = count;
    this.indents = new Int16Array(count).fill(UNKNOWN);
  }

  indent(i: number): number {
    let v = this.indents[i]!;
    if (v === UNKNOWN) v = this.indents[i] = indentOf(this.lines[i]!);
    return v;
  }
}

export interface SplitScore {
  effectiveIndent: number;
  penalty: number;
}

/** measure_split and score_add_split: adds the badness of cutting the file just above record `split`. */
export function addSplitScore(file: IndentedLines, split: number, score: SplitScore): void {
  const endOfFile = split >= file.count;
  const indent = endOfFile ? -1 : file.indent(split);
  let preBlank = 0;
  let preIndent = -1;
  for (let i = split - 1; i >= 0; i--) {
    preIndent = file.indent(i);
    if (preIndent !== -1) break;
    preBlank++;
    if (preBlank === MAX_BLANKS) {
      preIndent = 0;
      break;
    }
  }
  let postBlank = 0;
  let postIndent = -1;
  for (let i = split + 1; i < file.count; i++) {
    postIndent = file.indent(i);
    if (postIndent !== -1) break;
    postBlank++;
    if (postBlank === MAX_BLANKS) {
      postIndent = 0;
      break;
    }
  }

  if (preIndent === -1 && preBlank === 0) score.penalty += START_OF_FILE_PENALTY;
  if (endOfFile) score.penalty += END_OF_FILE_PENALTY;
  // Blank lines after the cut, the line right after it included.
  const blanksAfter = indent === -1 ? 1 + postBlank : 0;
  const blanks = preBlank + blanksAfter;
  score.penalty += TOTAL_BLANK_WEIGHT * blanks + POST_BLANK_WEIGHT * blanksAfter;
  const effective = indent !== -1 ? indent : postIndent;
  const anyBlanks = blanks !== 0;
  score.effectiveIndent += effective;
  if (effective === -1 || preIndent === -1 || effective === preIndent) return;
  if (effective > preIndent) score.penalty += anyBlanks ? RELATIVE_INDENT_WITH_BLANK_PENALTY : RELATIVE_INDENT_PENALTY;
  else if (postIndent !== -1 && postIndent > effective) score.penalty += anyBlanks ? RELATIVE_OUTDENT_WITH_BLANK_PENALTY : RELATIVE_OUTDENT_PENALTY;
  else score.penalty += anyBlanks ? RELATIVE_DEDENT_WITH_BLANK_PENALTY : RELATIVE_DEDENT_PENALTY;
}

/** score_cmp: below zero when `a` is the better place. */
export function compareScores(a: SplitScore, b: SplitScore): number {
  const indents = Number(a.effectiveIndent > b.effectiveIndent) - Number(a.effectiveIndent < b.effectiveIndent);
  return INDENT_WEIGHT * indents + (a.penalty - b.penalty);
}
