import type { WeeklyHours } from '../../../db/types.js';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const MINUTES_A_WEEK = 7 * 1440;

/**
 * One HSDS schedule's weekly hours (`freq: WEEKLY`, `byday`, `opens_at`, `closes_at`), in the form
 * the helplines' schedule code (`isOpenAt`) reads; null for a schedule that is not weekly or
 * lacks a day or a time: it says nothing the search could rely on.
 */
export function weeklyHoursOf(s: Record<string, unknown>): WeeklyHours | null {
  if (s.freq !== undefined && s.freq !== 'WEEKLY') return null;
  const days = String(s.byday ?? '').split(',').map((d) => DAYS.indexOf(d.trim().toUpperCase()) + 1).filter((d) => d > 0);
  const opens = String(s.opens_at ?? '').slice(0, 5);
  const closes = String(s.closes_at ?? '').slice(0, 5);
  if (!days.length || !/^\d\d:\d\d$/.test(opens) || !/^\d\d:\d\d$/.test(closes)) return null;
  return { days, opens, closes };
}

/** A service's weekly opening hours from its HSDS schedules (those `weeklyHoursOf` can read). */
export function weeklyHours(schedules: Record<string, unknown>[]): WeeklyHours[] {
  return schedules.map(weeklyHoursOf).filter((h) => h !== null);
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The same hours as minutes of the week (Monday 00:00 = 0), local time, as half-open ranges: the
 * "open now" filter asks whether one holds the minute it is now on the service's own clock.
 * Hours across midnight run into the next day, and from Sunday into Monday. Agrees with
 * `isOpenAt` (a test compares the two across a week).
 */
export function openRanges(hours: WeeklyHours[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const h of hours) {
    for (const day of h.days) {
      const start = (day - 1) * 1440 + minutes(h.opens);
      let end = (day - 1) * 1440 + minutes(h.closes);
      if (h.closes < h.opens) end += 1440;
      if (end <= start) continue;
      if (end > MINUTES_A_WEEK) {
        ranges.push([start, MINUTES_A_WEEK], [0, end - MINUTES_A_WEEK]);
      } else ranges.push([start, end]);
    }
  }
  return ranges;
}
