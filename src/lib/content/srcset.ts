// Runs anywhere: reads a srcset attribute the way the HTML standard's "parse a srcset attribute" does, and writes one back.

export interface SrcsetCandidate {
  url: string;
  /** Width (`640w`), density (`2x`) or height (`480h`) descriptors, as written. */
  descriptors: string[];
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

/** The descriptors of one candidate, from `at` up to the comma that ends it (commas inside parentheses don't). */
function readDescriptors(text: string, at: number): { descriptors: string[]; next: number } {
  const descriptors: string[] = [];
  let current = '';
  let inParens = false;
  let i = at;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (inParens) {
      current += c;
      if (c === ')') inParens = false;
    } else if (isSpace(c)) {
      if (current) descriptors.push(current);
      current = '';
    } else if (c === ',') {
      i++;
      break;
    } else {
      current += c;
      if (c === '(') inParens = true;
    }
  }
  if (current) descriptors.push(current);
  return { descriptors, next: i };
}

/** Every candidate, in order; a URL's own commas (as in `data:` URLs) stay part of it, as browsers read it. */
export function parseSrcset(text: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (isSpace(text[i]) || text[i] === ',')) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && !isSpace(text[i])) i++;
    let url = text.slice(start, i);
    if (url.endsWith(',')) {
      // A URL followed directly by commas has no descriptors, and the commas are not part of it.
      url = url.replace(/,+$/, '');
      candidates.push({ url, descriptors: [] });
      continue;
    }
    const { descriptors, next } = readDescriptors(text, i);
    candidates.push({ url, descriptors });
    i = next;
  }
  return candidates;
}

/** Descriptors a browser accepts; a candidate with any other is dropped, as a browser drops it. */
const VALID_DESCRIPTOR = /^(\d+w|\d+h|(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?x)$/i;

/** Writes candidates back in a form every parser reads the same way: one space inside, ", " between. */
function formatSrcset(candidates: readonly SrcsetCandidate[]): string {
  return candidates.map((c) => [c.url, ...c.descriptors].join(' ')).join(', ');
}

/** Only the candidates whose URL passes `isSafe` and whose descriptors are well formed. */
export function filterSrcset(text: string, isSafe: (url: string) => boolean): string {
  const kept = parseSrcset(text).filter((c) => c.url !== '' && isSafe(c.url) && c.descriptors.every((d) => VALID_DESCRIPTOR.test(d)));
  return formatSrcset(kept);
}
