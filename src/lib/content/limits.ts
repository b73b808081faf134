// Runs anywhere: limits on what one page may ask of the Markdown pipeline, checked before any parser sees the page.
import type { Nodes, Root } from 'mdast';
import type { Processor } from 'unified';
import { problem, type Problem } from '../problems.ts';
import { markdownProcessor } from './markdown-parser.ts';

/**
 * The biggest pages of real wikis and docs repositories are a few hundred KB; past this a page is
 * almost surely generated or hostile, and Astro's pipeline holds several copies of it in memory.
 */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

/**
 * Lists, block quotes and raw HTML elements inside each other. Astro's pipeline recurses once per level
 * (hast-util-from-parse5, mdast-util-to-hast, the tree visitors) and overflows the stack at a few thousand
 * levels; block quotes also cost time quadratic in their depth. markdown-it stops at 100 too (maxNesting).
 */
export const MAX_NESTING = 100;

/**
 * Emphasis marks (`*`, `_`, `~` in runs) in one paragraph, heading or table cell. micromark matches
 * each closing run against every opening run before it, so the cost grows with the square of this
 * count: 1,000 marks in one paragraph take a quarter of a second, 30 KB of them over a minute.
 */
export const MAX_EMPHASIS_MARKS = 500;
/** The same cost summed over a page (marks squared, per paragraph): four paragraphs at the limit. */
const MAX_EMPHASIS_WORK = 4 * MAX_EMPHASIS_MARKS ** 2;

/** Elements whose end tag HTML lets authors leave out: the HTML parser closes them, so they never nest deeper. */
const SELF_CLOSING_BY_PARSER = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rt', 'rp',
  'html', 'head', 'body',
]);
const PHRASING = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'del', 'ins']);
/** Code spans and comments on one line: tags written there are text, not elements. */
const CODE_SPAN_OR_COMMENT = /(`+)[^`]+?\1|<!--.*?-->/g;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*?)?(\/?)>/g;
/**
 * A fence at the left margin opens code outside every list and quote: it runs to the closing fence or
 * the end of the page (or is inside an HTML block, which is not emphasis either), so skipping it is
 * safe. Fences inside containers end with them; their lines are counted. A backtick fence's info string
 * has no backtick (else the line is text with a code span).
 */
const OPENING_FENCE = /^(`{3,}(?=[^`]*$)|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const CONTAINER_MARK = /^(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))[ \t]*/;
const MARK_RUN = /[*_~]+/g;

interface Place {
  line: number;
  column?: number;
}

/** Columns of leading white space, a tab to the next multiple of 4 as CommonMark counts it. */
function indentOf(line: string): { columns: number; length: number } {
  let columns = 0;
  let i = 0;
  for (; i < line.length; i++) {
    if (line[i] === ' ') columns++;
    else if (line[i] === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return { columns, length: i };
}

/**
 * An upper bound of the list and block quote levels a line opens: its indentation (a nested list item
 * needs at least two columns per level), then its `>` and list markers.
 */
function containerDepth(line: string): number {
  const indent = indentOf(line);
  let rest = line.slice(indent.length);
  let depth = Math.floor(indent.columns / 2);
  for (let mark = CONTAINER_MARK.exec(rest); mark; mark = CONTAINER_MARK.exec(rest)) {
    depth++;
    rest = rest.slice(mark[0].length);
  }
  return depth;
}

/** The first place where lists, quotes or raw HTML nest deeper than MAX_NESTING. */
function tooDeepAt(body: string, lineOffset = 1): (Place & { what: string }) | undefined {
  const lines = body.split('\n');
  const open: string[] = [];
  // Fenced code is counted too: inside an HTML block (`<pre>` spans blank lines) a fence is not code.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (containerDepth(line) > MAX_NESTING) return { line: i + lineOffset, what: `lists and block quotes are nested more than ${MAX_NESTING} levels deep` };
    // A paragraph's end closes the inline elements left open in it (the HTML parser pops them at </p>).
    if (line.trim() === '') while (open.length > 0 && PHRASING.has(open.at(-1)!)) open.pop();
    for (const tag of line.replace(CODE_SPAN_OR_COMMENT, (m) => ' '.repeat(m.length)).matchAll(TAG)) {
      const name = tag[2]!.toLowerCase();
      if (SELF_CLOSING_BY_PARSER.has(name) || tag[3]) continue;
      if (tag[1]) {
        const at = open.lastIndexOf(name);
        if (at >= 0) open.length = at;
        continue;
      }
      open.push(name);
      if (open.length > MAX_NESTING) {
        return { line: i + lineOffset, column: (tag.index ?? 0) + 1, what: `HTML elements are nested more than ${MAX_NESTING} levels deep` };
      }
    }
  }
  return undefined;
}

const marksIn = (text: string) => {
  let count = 0;
  for (const run of text.matchAll(MARK_RUN)) count += run[0].length;
  return count;
};

function withoutEmphasis(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  // Autolink literals are off too: they cost more than the rest of this parse and hold no marks.
  (data.micromarkExtensions ??= []).push({ disable: { null: ['attention', 'strikethrough', 'wwwAutolink', 'protocolAutolink', 'emailAutolink'] } });
}
/** Finds paragraphs, headings and table cells without resolving emphasis: linear, whatever the marks. */
const blocksParser = markdownProcessor('md').use(withoutEmphasis);
const INLINE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

function marksOf(node: Nodes): number {
  if (node.type === 'text') return marksIn(node.value);
  return 'children' in node ? node.children.reduce((sum, child) => sum + marksOf(child as Nodes), 0) : 0;
}

/** Marks in each paragraph, heading and table cell of a piece of Markdown (lines from 1). */
function marksPerBlock(markdown: string): { line: number; marks: number; type: string }[] {
  const blocks: { line: number; marks: number; type: string }[] = [];
  const visit = (node: Nodes): void => {
    if (INLINE_BLOCKS.has(node.type)) blocks.push({ line: node.position?.start.line ?? 1, marks: marksOf(node), type: node.type });
    else if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(blocksParser.parse(markdown) as Root);
  return blocks;
}

/** Up to this size a suspicious group of lines is parsed to count its blocks exactly (about a second at most). */
const EXACT_COUNT_BYTES = 256 * 1024;

/** A line that starts a new block even right after a paragraph line: a list item with text, or a heading. */
const STARTS_BLOCK = /^(?:[ \t]{0,3}>)*[ \t]{0,3}(?:(?:[-+*]|1[.)])[ \t]+\S|#{1,6}(?:[ \t]|$))/;
const QUOTE_PREFIX = /^(?:[ \t]{0,3}>)*/;
const TABLE_DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * The first paragraph with too many emphasis marks, or the place where the page's total passes its budget.
 * One linear pass groups lines so that no paragraph, heading or table cell spans two groups; only a group
 * whose count could break a limit is parsed (without resolving emphasis) to count its blocks exactly.
 */
function tooMuchEmphasisAt(body: string, lineOffset = 1): (Place & { what: string }) | undefined {
  // Most pages have fewer marks in all than one paragraph may have.
  if (marksIn(body) <= MAX_EMPHASIS_MARKS) return undefined;
  const lines = body.split('\n');
  let work = 0;
  let start = 0;
  let marks = 0;
  let fence: string | undefined;
  let inTable = false;
  let previous = '';
  const close = (end: number): (Place & { what: string }) | undefined => {
    const first = start;
    const count = marks;
    marks = 0;
    if (count <= MAX_EMPHASIS_MARKS && work + count * count <= MAX_EMPHASIS_WORK) {
      work += count * count;
      return undefined;
    }
    const text = lines.slice(first, end).join('\n');
    // A group this far over is no list of short items: no need to parse it to be sure.
    if (count > 8 * MAX_EMPHASIS_MARKS || text.length > EXACT_COUNT_BYTES) {
      return { line: first + lineOffset, what: `this paragraph has ${count} emphasis marks (*, _, ~), more than the ${MAX_EMPHASIS_MARKS} allowed` };
    }
    for (const block of marksPerBlock(text)) {
      const line = block.line + first + lineOffset - 1;
      if (block.marks > MAX_EMPHASIS_MARKS) {
        return { line, what: `this ${block.type === 'tableCell' ? 'table cell' : block.type} has ${block.marks} emphasis marks (*, _, ~), more than the ${MAX_EMPHASIS_MARKS} allowed` };
      }
      work += block.marks * block.marks;
      if (work > MAX_EMPHASIS_WORK) return { line, what: 'the page has too many emphasis marks (*, _, ~) in its paragraphs up to here' };
    }
    return undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.slice(QUOTE_PREFIX.exec(raw)?.[0].length ?? 0);
    if (fence) {
      const closing = CLOSING_FENCE.exec(raw)?.[1];
      if (closing && closing[0] === fence[0] && closing.length >= fence.length) {
        fence = undefined;
        start = i + 1;
      }
      continue;
    }
    const fenceMark = OPENING_FENCE.exec(raw)?.[1];
    const blank = line.trim() === '';
    if (blank || fenceMark || inTable || STARTS_BLOCK.test(raw)) {
      const found = close(i);
      if (found) return found;
      start = blank || fenceMark ? i + 1 : i;
      if (blank) inTable = false;
      if (fenceMark) {
        fence = fenceMark;
        continue;
      }
    }
    if (!inTable && line.includes('-') && previous.includes('|') && TABLE_DELIMITER_ROW.test(line)) inTable = true;
    marks += marksIn(line);
    previous = line;
  }
  return close(lines.length);
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** A page too big to publish, reported before anything reads it. */
export function pageSizeProblems(file: string, source: string): Problem[] {
  const bytes = source.length > MAX_PAGE_BYTES / 3 ? byteLength(source) : source.length;
  if (bytes <= MAX_PAGE_BYTES) return [];
  return [problem(file, `the page is ${(bytes / 1024 / 1024).toFixed(1)} MiB, more than the ${MAX_PAGE_BYTES / 1024 / 1024} MiB a page may be: split it into several pages`, { line: 1 })];
}

/**
 * Shapes that would crash the build (stack overflow), hang it (quadratic parsing) or drop the page,
 * found by a linear look before any Markdown parser runs. `body` is the text after the front matter;
 * `lineOffset` the file line it starts on.
 */
export function pageShapeProblems(file: string, body: string, lineOffset: number): Problem[] {
  const deep = tooDeepAt(body, lineOffset);
  if (deep) return [problem(file, `${deep.what}: flatten them`, deep)];
  const emphasis = tooMuchEmphasisAt(body, lineOffset);
  if (emphasis) return [problem(file, `${emphasis.what}: so much emphasis takes the Markdown parser minutes (put such text in a code block)`, emphasis)];
  return [];
}
