// Runs anywhere: how long ago a date was, in words, for the pages ("3 months ago").
import { daysSince } from '../attribution/dates.ts';

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;

/** "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago", counted to `today`. */
export function relativeDate(iso: string, today: string): string {
  const days = daysSince(iso, today);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return plural(days, 'day');
  if (days < 60) return plural(Math.floor(days / 7), 'week');
  if (days < 365) return plural(Math.floor(days / 30.44), 'month');
  return plural(Math.floor(days / 365.25), 'year');
}
