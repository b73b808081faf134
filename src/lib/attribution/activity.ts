// Runs anywhere: contributions over time: distinct commits per month, for the charts.
import type { Revision } from '../history/types.ts';
import { monthOf, monthsUpTo } from './dates.ts';

export interface MonthCount {
  month: string;
  count: number;
}

/** Distinct non-bot commits per month over the `months` months ending with today's, oldest first, empty months included. */
export function monthlyContributions(revisions: Iterable<Revision>, today: string, months = 24): MonthCount[] {
  const window = monthsUpTo(today, months);
  const commits = new Map<string, Set<string>>(window.map((m) => [m, new Set()]));
  for (const revision of revisions) {
    if (!revision.bot) commits.get(monthOf(revision.date))?.add(revision.commit);
  }
  return window.map((month) => ({ month, count: commits.get(month)!.size }));
}

/** The same series from counts already made per month (a person's `months`). */
export function monthlySeries(counts: Record<string, number>, today: string, months = 24): MonthCount[] {
  return monthsUpTo(today, months).map((month) => ({ month, count: counts[month] ?? 0 }));
}
