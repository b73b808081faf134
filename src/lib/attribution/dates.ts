// Runs anywhere: the few date computations the history analyses share (days, months).

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of an ISO date or date-time; a bare day is read as UTC midnight. */
export const timeOf = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

/** Whole days from `iso` to `today` (YYYY-MM-DD, end of that day UTC); 0 for the same day, negative for the future. */
export function daysSince(iso: string, today: string): number {
  return Math.floor((timeOf(today) + DAY_MS - 1 - timeOf(iso)) / DAY_MS);
}

/** The calendar day the author saw (the date part as written with their offset). */
export const dayOf = (iso: string): string => iso.slice(0, 10);

/** The calendar month (YYYY-MM) the author saw. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

/** The `count` months ending with today's month, oldest first, as YYYY-MM. */
export function monthsUpTo(today: string, count: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}
