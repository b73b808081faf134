// Runs anywhere: the one shape the attribution functions read a page in: where it lives and its history.
import type { PageHistory } from '../history/types.ts';

export interface PageRecord {
  id: string;
  community: string;
  title: string;
  history: PageHistory;
}

/** The pages git knows, in the shape above; pages without history (untracked, no repository) are left out. */
export function pageRecordsOf(
  pages: readonly { id: string; community: string; title: string }[],
  histories: Readonly<Record<string, PageHistory>>,
): PageRecord[] {
  return pages.flatMap((page) => {
    const history = histories[page.id];
    return history ? [{ id: page.id, community: page.community, title: page.title, history }] : [];
  });
}
