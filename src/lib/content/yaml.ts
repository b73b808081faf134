// Runs anywhere: YAML parsing that keeps line numbers, so every problem can point at file:line.
import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { problem, type Problem } from '../problems.ts';

export interface ParsedYaml {
  data: unknown;
  doc: Document;
  lineCounter: LineCounter;
}

/** `firstLine` is the file line on which the YAML text starts (front matter starts on line 2). */
export function parseYaml(text: string, file: string, firstLine = 1): { parsed?: ParsedYaml; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((err) => {
        const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
        const reason = err.message.split('\n')[0] ?? err.message;
        return problem(file, `invalid YAML: ${reason}`, pos ? { line: pos.line + firstLine - 1, column: pos.col } : {});
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError when aliases expand past the limit (a "billion laughs" document).
    if (error instanceof RangeError) return { problems: [problem(file, 'invalid YAML: its values nest too deeply to be read', { line: firstLine })] };
    if (!(error instanceof ReferenceError)) throw error;
    const offset = firstAliasOffset(doc);
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
    const reason = 'its aliases (*name) repeat other values too many times, as a "billion laughs" attack does: write the values out instead';
    return { problems: [problem(file, `invalid YAML: ${reason}`, pos ? { line: pos.line + firstLine - 1, column: pos.col } : { line: firstLine })] };
  }
  return { parsed: { data, doc, lineCounter }, problems: [] };
}

/** How far yaml lets one alias expand (its own default); past it the document is refused, not expanded. */
const MAX_ALIAS_COUNT = 100;

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/** The file line where the value at `path` starts, or where the document starts if the path is absent. */
function lineOf(parsed: ParsedYaml, path: readonly PropertyKey[], firstLine = 1): number {
  let node = parsed.doc.getIn(path.map(String), true) as { range?: [number, number, number] } | undefined;
  for (let depth = path.length; !node?.range && depth > 0; depth--) {
    node = parsed.doc.getIn(path.slice(0, depth - 1).map(String), true) as typeof node;
  }
  const offset = node?.range?.[0] ?? parsed.doc.contents?.range?.[0] ?? 0;
  return parsed.lineCounter.linePos(offset).line + firstLine - 1;
}

export function zodProblems(error: z.ZodError, parsed: ParsedYaml, file: string, firstLine = 1): Problem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return problem(file, field ? `${field}: ${issue.message}` : issue.message, { line: lineOf(parsed, issue.path, firstLine) });
  });
}
