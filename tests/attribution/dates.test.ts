import { describe, expect, it } from 'vitest';
import { daysSince, monthsUpTo } from '../../src/lib/attribution/dates.ts';
import { relativeDate } from '../../src/lib/site/relative-date.ts';
import { avatarHue, initialsOf } from '../../src/lib/site/avatar.ts';

describe('dates', () => {
  it('counts whole days to the build day, whatever the author offset', () => {
    expect(daysSince('2026-11-22T23:30:00+02:00', '2026-11-22')).toBe(0);
    expect(daysSince('2026-11-21T09:00:00Z', '2026-11-22')).toBe(1);
    expect(daysSince('2026-05-26T12:00:00Z', '2026-11-22')).toBe(180);
  });

  it('says how long ago in words', () => {
    const today = '2026-11-22';
    expect(relativeDate('2026-11-22T08:00:00Z', today)).toBe('today');
    expect(relativeDate('2026-11-21T08:00:00Z', today)).toBe('yesterday');
    expect(relativeDate('2026-11-17T08:00:00Z', today)).toBe('5 days ago');
    expect(relativeDate('2026-10-25T08:00:00Z', today)).toBe('4 weeks ago');
    expect(relativeDate('2026-08-20T08:00:00Z', today)).toBe('3 months ago');
    expect(relativeDate('2025-11-01T08:00:00Z', today)).toBe('1 year ago');
    expect(relativeDate('2023-01-01T08:00:00Z', today)).toBe('3 years ago');
  });

  it('lists months up to today across a year boundary', () => {
    expect(monthsUpTo('2026-02-10', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('avatars', () => {
  it('takes the first and last initials', () => {
    expect(initialsOf('Ada King Lovelace')).toBe('AL');
    expect(initialsOf('grace')).toBe('G');
    expect(initialsOf('  ')).toBe('?');
    expect(initialsOf('Élodie Dupont')).toBe('ÉD');
  });

  it('gives one person one colour, whatever the case of the email', () => {
    expect(avatarHue('Ada@Example.org')).toBe(avatarHue('ada@example.org'));
    expect(avatarHue('ada@example.org')).not.toBe(avatarHue('grace@example.org'));
    expect(avatarHue('ada@example.org')).toBeGreaterThanOrEqual(0);
    expect(avatarHue('ada@example.org')).toBeLessThan(360);
  });
});
