// Runs at build time inside Astro's Markdown pipeline: puts "who wrote this section" after each credited heading.
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { SectionAuthor, SectionCredit } from '../attribution/sections.ts';

export interface SectionCreditsOptions {
  /** The credits of the page in this file (none for files that are not pages, or pages with one author). */
  creditsForFile: (absolutePath: string) => readonly SectionCredit[] | undefined;
  /** A person's page, when they have one. */
  personHref: (email: string) => string | undefined;
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** "Written by Ada Lovelace", "Written by Ada Lovelace 60%, Grace Hopper 40% and 1 more", "… with Linus Torvalds". */
export function creditSummary(authors: readonly SectionAuthor[]): string {
  const writers = authors.filter((a) => a.lines > 0);
  const coAuthors = authors.filter((a) => a.lines === 0);
  const named = writers.length === 1 ? [writers[0]!.name] : writers.slice(0, 2).map((a) => `${a.name} ${percent(a.share)}`);
  const more = writers.length - named.length;
  const withCo = coAuthors.length === 0 ? '' : ` with ${coAuthors[0]!.name}${coAuthors.length > 1 ? ` and ${coAuthors.length - 1} more` : ''}`;
  return `Written by ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}${withCo}`;
}

function creditElement(credit: SectionCredit, personHref: SectionCreditsOptions['personHref']): Element {
  const items = credit.authors.map((a) => {
    const href = personHref(a.email);
    const name: ElementContent = href ? el('a', { href }, [text(a.name)]) : text(a.name);
    const detail = a.lines > 0 ? ` · ${a.lines} ${a.lines === 1 ? 'line' : 'lines'} (${percent(a.share)})` : '';
    const co = a.coAuthoredLines > 0 ? ` · co-authored ${a.coAuthoredLines} ${a.coAuthoredLines === 1 ? 'line' : 'lines'}` : '';
    return el('li', {}, [name, text(detail + co)]);
  });
  if (credit.updated) {
    const day = credit.updated.date.slice(0, 10);
    items.push(el('li', {}, [text('Last changed '), el('time', { dateTime: credit.updated.date }, [text(day)])]));
  }
  // Credits are about the page, not its knowledge: keep them out of search results.
  return el('details', { className: ['section-credit'], dataSection: credit.slug, dataPagefindIgnore: 'all' }, [
    el('summary', {}, [text(creditSummary(credit.authors))]),
    el('ul', {}, items),
  ]);
}

/** Every text here comes from commits (names) and is inserted as text nodes, never as raw HTML. */
export function rehypeSectionCredits(options: SectionCreditsOptions) {
  return (tree: Root, file: VFile) => {
    const credits = file.path ? options.creditsForFile(file.path) : undefined;
    if (!credits || credits.length === 0) return;
    const bySlug = new Map(credits.map((c) => [c.slug, c]));
    visit(tree, 'element', (node, index, parent) => {
      if (!/^h[1-6]$/.test(node.tagName) || index === undefined || !parent) return;
      const credit = typeof node.properties.id === 'string' ? bySlug.get(node.properties.id) : undefined;
      if (!credit) return;
      bySlug.delete(credit.slug);
      parent.children.splice(index + 1, 0, creditElement(credit, options.personHref));
      return index + 2;
    });
  };
}
