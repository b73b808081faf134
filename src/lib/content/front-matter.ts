// Runs anywhere: splits a page into front matter and body and validates the front matter with line numbers.
import { isMap, isScalar, isSeq } from 'yaml';
import { problem, type Problem } from '../problems.ts';
import { frontMatterSchema, PAGE_TYPES, type FrontMatter } from './schemas.ts';
import { parseYaml, zodProblems, type ParsedYaml } from './yaml.ts';

export interface SplitPage {
  /** The YAML text between the fences, or undefined when the page has none. */
  yaml?: string;
  /** File line of the first YAML line. */
  yamlLine: number;
  body: string;
  /** File line on which the body starts, so positions in the body map back to the file. */
  bodyLine: number;
}

// Same opening rule as Astro's own front matter reader: optional BOM or leading blank lines, then `---`.
const OPENING = /^(\uFEFF?(?:[ \t]*\r?\n)*)---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

const countLines = (text: string) => (text.match(/\n/g) ?? []).length;

export function splitFrontMatter(source: string): SplitPage {
  const opening = OPENING.exec(source);
  if (!opening) return { yamlLine: 1, body: source, bodyLine: 1 };
  const afterOpening = source.slice(opening[0].length);
  const yamlLine = countLines(opening[0]) + 1;
  // An empty block (`---` directly followed by `---`) is valid too.
  const closing = afterOpening.startsWith('---') ? { index: 0, 0: afterOpening.match(/^---[ \t]*/)?.[0] ?? '---' } : CLOSING.exec(afterOpening);
  if (!closing) return { yamlLine, body: source, bodyLine: 1, yaml: undefined };
  const yaml = afterOpening.slice(0, closing.index);
  const rest = afterOpening.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  return { yaml, yamlLine, body: rest, bodyLine: yamlLine + countLines(yaml) + 1 };
}

const TEXT_FIELDS = ['title', 'summary', 'lang'] as const;

/** YAML reads `title: 1e3` as a number and `title: null` as null; keep what the author typed instead. */
function undriftTypes(data: Record<string, unknown>, parsed: ParsedYaml): Record<string, unknown> {
  const out = { ...data };
  for (const key of TEXT_FIELDS) {
    if (out[key] === null) delete out[key];
    else if (typeof out[key] === 'number' || typeof out[key] === 'boolean') out[key] = parsedSource(parsed, key);
  }
  if (out.tags === null) delete out.tags;
  const tagsNode = isMap(parsed.doc.contents) ? parsed.doc.get('tags', true) : undefined;
  if (Array.isArray(out.tags) && isSeq(tagsNode)) {
    out.tags = tagsNode.items.map((item, i) =>
      isScalar(item) && (typeof item.value === 'number' || typeof item.value === 'boolean') ? String(item.source ?? item.value) : (out.tags as unknown[])[i],
    );
  }
  if (out['review-by'] === null) delete out['review-by'];
  return out;
}

function parsedSource(parsed: ParsedYaml, key: string): string {
  const node = isMap(parsed.doc.contents) ? parsed.doc.get(key, true) : undefined;
  return isScalar(node) ? String(node.source ?? node.value) : '';
}

/**
 * A first line of four or more dashes followed by a field is front matter with a mistyped fence. Astro's
 * .mdx reader takes it for `---` and fails on the rest of the line, so it is reported here, for every page.
 */
const LONG_FENCE = /^\uFEFF?(?:[ \t]*\r?\n)*(-{4,})[ \t]*\r?\n[ \t]*[A-Za-z_][\w-]*[ \t]*:/;

function longFenceProblem(source: string, file: string): Problem | undefined {
  const match = LONG_FENCE.exec(source);
  if (!match) return undefined;
  const line = countLines(source.slice(0, match.index + match[0].indexOf(match[1]!))) + 1;
  return problem(file, `front matter opens with "${match[1]}": write exactly three dashes (---) on the first line`, { line });
}

const isPageType = (value: unknown): value is (typeof PAGE_TYPES)[number] => (PAGE_TYPES as readonly unknown[]).includes(value);

/**
 * Other generators use `type` for their own layouts (Hugo's `type: docs`): an unknown value is no reason to stop,
 * so it is kept, as written, in `typeText` (shown as plain text, in no type filter) with a warning.
 */
function unknownTypeWarning(data: Record<string, unknown>, parsed: ParsedYaml, file: string, firstLine: number): { data: Record<string, unknown>; problems: Problem[] } {
  if (data.type === undefined || isPageType(data.type)) return { data, problems: [] };
  const { type, ...rest } = data;
  const written = typeof type === 'string' || typeof type === 'number' || typeof type === 'boolean' ? String(type) : undefined;
  const node = isMap(parsed.doc.contents) ? parsed.doc.get('type', true) : undefined;
  const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
  const line = offset === undefined ? firstLine : parsed.lineCounter.linePos(offset).line + firstLine - 1;
  const shown = written === undefined ? 'this value' : `"${written}"`;
  return {
    data: written === undefined ? rest : { ...rest, typeText: written },
    problems: [problem(file, `type: ${shown} is not one of the wiki's page types (${PAGE_TYPES.join(', ')}): it is shown as written and the page is in no type filter`, { line }, 'warning')],
  };
}

export interface ParsedFrontMatter {
  data: FrontMatter;
  body: string;
  bodyLine: number;
  problems: Problem[];
}

export function parseFrontMatter(source: string, file: string): ParsedFrontMatter {
  const split = splitFrontMatter(source);
  const base = { body: split.body, bodyLine: split.bodyLine };
  if (/^\uFEFF?\+\+\+\r?\n/.test(source)) {
    return { ...base, data: {}, problems: [problem(file, 'TOML front matter (+++) is not supported: use YAML between --- lines', { line: 1 })] };
  }
  const longFence = longFenceProblem(source, file);
  if (longFence) return { ...base, data: {}, problems: [longFence] };
  if (split.yaml === undefined) {
    const unclosed = OPENING.test(source);
    return { ...base, data: {}, problems: unclosed ? [problem(file, 'front matter starts with --- but is never closed with a --- line', { line: split.yamlLine - 1 })] : [] };
  }
  const { parsed, problems } = parseYaml(split.yaml, file, split.yamlLine);
  if (!parsed) return { ...base, data: {}, problems };
  if (parsed.data === null || parsed.data === undefined) return { ...base, data: {}, problems: [] };
  if (typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return { ...base, data: {}, problems: [problem(file, 'front matter must be a set of "field: value" lines', { line: split.yamlLine })] };
  }
  const typed = unknownTypeWarning(undriftTypes(parsed.data as Record<string, unknown>, parsed), parsed, file, split.yamlLine);
  const result = frontMatterSchema.safeParse(typed.data);
  if (!result.success) return { ...base, data: {}, problems: [...typed.problems, ...zodProblems(result.error, parsed, file, split.yamlLine)] };
  return { ...base, data: result.data, problems: typed.problems };
}
