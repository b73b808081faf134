// Runs anywhere: recent changes across pages, newest first; every revision included unless a summary's `hide` leaves it out.
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
 * The full lists and feeds show every change; the short summaries on home pages hide the config's bots'
 * changes (`hide`), as wikis' recent changes do by default, so a bulk import or a link fixer does not push people out.
 */
export function recentChanges(pages: readonly PageRecord[], limit = 50, options: { hide?: (revision: Revision) => boolean } = {}): RecentChange[] {
  const changes: RecentChange[] = [];
  for (const page of pages) {
    for (const revision of page.history.revisions) {
      if (options.hide?.(revision)) continue;
      changes.push({ pageId: page.id, community: page.community, title: page.title, revision });
    }
  }
  return changes
    .sort((a, b) => timeOf(b.revision.date) - timeOf(a.revision.date) || a.pageId.localeCompare(b.pageId))
    .slice(0, limit);
}
