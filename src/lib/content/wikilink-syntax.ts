// Runs anywhere: finds [[target#heading|label]] in text.

export interface WikilinkMatch {
  /** Offset of `[[` in the text. */
  start: number;
  end: number;
  raw: string;
  /** Page reference as written; "" for a link to a heading of the same page. */
  target: string;
  heading?: string;
  label?: string;
}

export const WIKILINK = /\[\[([^[\]\n]+?)\]\]/g;

/** GitLab's and Azure DevOps' table-of-contents marker (`[[TOC]]`, `[[_TOC_]]`): not a link; it renders as nothing. */
export const isTocMarker = (inner: string): boolean => /^\s*(?:TOC|_TOC_)\s*$/.test(inner);

export function parseWikilinkInner(inner: string): Pick<WikilinkMatch, 'target' | 'heading' | 'label'> {
  const pipe = inner.indexOf('|');
  const ref = pipe === -1 ? inner : inner.slice(0, pipe);
  const label = pipe === -1 ? undefined : inner.slice(pipe + 1).trim() || undefined;
  const hash = ref.indexOf('#');
  const target = (hash === -1 ? ref : ref.slice(0, hash)).trim();
  const heading = hash === -1 ? undefined : ref.slice(hash + 1).trim() || undefined;
  return { target, ...(heading ? { heading } : {}), ...(label ? { label } : {}) };
}

export function findWikilinks(text: string): WikilinkMatch[] {
  const found: WikilinkMatch[] = [];
  for (const match of text.matchAll(WIKILINK)) {
    const inner = match[1] ?? '';
    if (isTocMarker(inner)) continue;
    const parsed = parseWikilinkInner(inner);
    if (!parsed.target && !parsed.heading) continue;
    found.push({ start: match.index, end: match.index + match[0].length, raw: match[0], ...parsed });
  }
  return found;
}
