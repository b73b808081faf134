// Runs anywhere: who wrote each heading section of a page, from the page's line attribution at HEAD.
import { splitFrontMatter } from '../content/front-matter.ts';
import { headingsOf, type SourceHeading } from '../content/headings.ts';
import { parseMarkdown } from '../content/markdown-parser.ts';
import type { PageFormat } from '../content/page-rule.ts';
import type { PageHistory, Person, Revision } from '../history/types.ts';

export interface SectionAuthor extends Person {
  /** Non-blank lines of the section this person last changed. */
  lines: number;
  /** Share of the section's non-blank lines, 0–1. */
  share: number;
  /** Lines of the section from commits this person co-authored. */
  coAuthoredLines: number;
}

export interface SectionCredit {
  slug: string;
  text: string;
  depth: number;
  /** First and last file lines of the section (1-based, inclusive), its sub-sections included. */
  startLine: number;
  endLine: number;
  authors: SectionAuthor[];
  /** The newest revision among the section's lines. */
  updated?: Revision;
}

/** Headings of a page file with their file lines; front matter lines count, as they do in `lineCommits`. */
export function sourceHeadings(source: string, format: PageFormat): SourceHeading[] {
  const { body, bodyLine } = splitFrontMatter(source);
  try {
    return headingsOf(parseMarkdown('\n'.repeat(bodyLine - 1) + body, format));
  } catch {
    return [];
  }
}

export interface SectionOptions {
  /** Deepest heading level that gets a credit (2 = only `##` sections). */
  maxDepth?: number;
}

/** Credits per section of a page file, its headings read from `source` (the content model reads them once, in its outline). */
export function sectionCredits(source: string, format: PageFormat, history: PageHistory, options: SectionOptions = {}): SectionCredit[] {
  return sectionCreditsOf(source, () => sourceHeadings(source, format), history, options);
}

/**
 * Credits per section; empty when the page has a single (non-bot) author, so one-author pages carry no clutter.
 * A section runs from its heading to the next heading of the same or a higher level; blank lines do not count.
 * `headings` are the file's (with file lines), asked for only when the page has several authors.
 */
export function sectionCreditsOf(
  source: string,
  headings: () => readonly SourceHeading[],
  history: PageHistory,
  options: SectionOptions = {},
): SectionCredit[] {
  const maxDepth = options.maxDepth ?? 3;
  const revisions = new Map(history.revisions.map((r) => [r.commit, r]));
  const lines = source.split('\n');
  if (source.endsWith('\n')) lines.pop();
  // A file edited since HEAD (a dev server, an uncommitted change) no longer lines up with HEAD's attribution.
  if (lines.length !== history.lineCommits.length) return [];
  const lineRevision = (index: number): Revision | undefined => {
    const commit = history.lineCommits[index];
    return commit === undefined ? undefined : revisions.get(commit);
  };
  const authorsOnPage = new Set<string>();
  lines.forEach((text, i) => {
    const revision = lineRevision(i);
    if (text.trim() && revision && !revision.bot) authorsOnPage.add(revision.author.email);
  });
  if (authorsOnPage.size < 2) return [];

  const all = headings();
  const credits: SectionCredit[] = [];
  all.forEach((heading, h) => {
    if (heading.depth > maxDepth) return;
    const next = all.slice(h + 1).find((other) => other.depth <= heading.depth);
    const endLine = next ? next.line - 1 : lines.length;
    const byEmail = new Map<string, SectionAuthor>();
    const credit = (person: Person) => {
      let author = byEmail.get(person.email);
      if (!author) byEmail.set(person.email, (author = { name: person.name, email: person.email, lines: 0, share: 0, coAuthoredLines: 0 }));
      return author;
    };
    let counted = 0;
    let updated: Revision | undefined;
    for (let line = heading.line; line <= endLine; line++) {
      const revision = lineRevision(line - 1);
      if (!revision || !lines[line - 1]?.trim()) continue;
      if (!updated || Date.parse(revision.date) > Date.parse(updated.date)) updated = revision;
      if (revision.bot) continue;
      counted++;
      credit(revision.author).lines++;
      for (const co of revision.coAuthors) if (co.email !== revision.author.email) credit(co).coAuthoredLines++;
    }
    const authors = [...byEmail.values()]
      .map((a) => ({ ...a, share: counted ? a.lines / counted : 0 }))
      .sort((a, b) => b.lines - a.lines || b.coAuthoredLines - a.coAuthoredLines || a.name.localeCompare(b.name));
    if (authors.length === 0) return;
    credits.push({ slug: heading.slug, text: heading.text, depth: heading.depth, startLine: heading.line, endLine, authors, ...(updated ? { updated } : {}) });
  });
  return credits;
}
