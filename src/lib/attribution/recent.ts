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
  const changes: { change: RecentChange; time: number }[] = [];
  for (const page of pages) {
    for (const revision of page.history.revisions) {
      if (options.hide?.(revision)) continue;
      changes.push({ change: { pageId: page.id, community: page.community, title: page.title, revision }, time: timeOf(revision.date) });
    }
  }
  // Each date is parsed once, not once per comparison: a site's every revision is sorted here.
  return changes
    .sort((a, b) => b.time - a.time || a.change.pageId.localeCompare(b.change.pageId))
    .slice(0, limit)
    .map((c) => c.change);
}
