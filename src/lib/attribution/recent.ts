// Runs anywhere: recent changes across pages, newest first; bots' revisions included (they changed the page).
import type { Revision } from '../history/types.ts';
import { timeOf } from './dates.ts';
import type { PageRecord } from './page-record.ts';

export interface RecentChange {
  pageId: string;
  community: string;
  title: string;
  revision: Revision;
}

export function recentChanges(pages: readonly PageRecord[], limit = 50): RecentChange[] {
  const changes: RecentChange[] = [];
  for (const page of pages) {
    for (const revision of page.history.revisions) changes.push({ pageId: page.id, community: page.community, title: page.title, revision });
  }
  return changes
    .sort((a, b) => timeOf(b.revision.date) - timeOf(a.revision.date) || a.pageId.localeCompare(b.pageId))
    .slice(0, limit);
}
