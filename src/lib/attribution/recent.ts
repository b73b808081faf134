// Runs anywhere: recent changes across pages, newest first; bots' revisions included unless a summary leaves them out.
import type { Revision } from '../history/types.ts';
import { timeOf } from './dates.ts';
import type { PageRecord } from './page-record.ts';

export interface RecentChange {
  pageId: string;
  community: string;
  title: string;
  revision: Revision;
}

/**
 * The full lists and feeds show every change; the short summaries on home pages hide bots' changes,
 * as wikis' recent changes do by default, so a bulk import or a link fixer does not push people out.
 */
export function recentChanges(pages: readonly PageRecord[], limit = 50, options: { bots?: boolean } = {}): RecentChange[] {
  const changes: RecentChange[] = [];
  for (const page of pages) {
    for (const revision of page.history.revisions) {
      if (revision.bot && options.bots === false) continue;
      changes.push({ pageId: page.id, community: page.community, title: page.title, revision });
    }
  }
  return changes
    .sort((a, b) => timeOf(b.revision.date) - timeOf(a.revision.date) || a.pageId.localeCompare(b.pageId))
    .slice(0, limit);
}
