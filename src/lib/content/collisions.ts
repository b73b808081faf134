// Runs anywhere: two page files that map to one URL are an error naming both; the first of them keeps the URL.
import { problem, type Problem } from '../problems.ts';
import type { WikiPage } from './types.ts';

/** The pages with a URL of their own, in input order; each collision is pushed to `problems`. */
export function pagesWithOwnUrl(pages: readonly WikiPage[], problems: Problem[]): WikiPage[] {
  const byId = new Map<string, WikiPage[]>();
  for (const page of pages) {
    const same = byId.get(page.id);
    if (same) same.push(page);
    else byId.set(page.id, [page]);
  }
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    const files = same.map((p) => p.file);
    problems.push(problem(files[0] ?? '', `${files.join(' and ')} both map to the URL /${id}/: rename or move one of them`));
  }
  return pages.filter((p) => byId.get(p.id)?.[0] === p);
}
