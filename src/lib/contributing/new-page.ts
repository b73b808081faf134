// Runs anywhere: the text and file name of a new page, shared by `wiki new` and the "Propose a new page" link.
import { Document, isSeq } from 'yaml';
import { slugSegment } from '../content/slugs.ts';
import type { PAGE_TYPES } from '../content/schemas.ts';

export interface NewPageInput {
  title: string;
  type?: (typeof PAGE_TYPES)[number] | undefined;
  tags?: readonly string[];
  /** YYYY-MM-DD the page is written on; review-by is a year later. */
  today: string;
}

/** The file name a title gets: its slug by GitHub's rules, so the URL and the file name agree. */
export function pageFileName(title: string): string | undefined {
  const slug = slugSegment(title);
  return slug ? `${slug}.md` : undefined;
}

/** One year after `date` (YYYY-MM-DD); 29 February becomes 28 February. */
export function aYearAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCDate() !== d) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** Front matter and a short prompt: status draft, review-by a year out, an empty summary to fill in. */
export function newPageText(input: NewPageInput): string {
  const data: Record<string, unknown> = {
    title: input.title,
    summary: '',
    tags: [...(input.tags ?? [])],
    ...(input.type ? { type: input.type } : {}),
    status: 'draft',
    'review-by': aYearAfter(input.today),
  };
  const doc = new Document(data);
  // Tags in flow style, `tags: [postgres, backups]`, as the docs and the sample pages write them.
  const tags = doc.get('tags', true);
  if (isSeq(tags)) tags.flow = true;
  const yaml = doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
  return [
    '---',
    yaml.trimEnd().replace(/^summary: ""$/m, 'summary: "" # one sentence shown in lists and search results'),
    '---',
    '',
    '<!--',
    'Write what you know in your own words: what happened, what you do, and why.',
    'Say whose experience it comes from; the history credits everyone who commits.',
    'When the page is ready for readers, change status to stable.',
    '-->',
    '',
  ].join('\n');
}
