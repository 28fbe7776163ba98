import { WEEK_DAYS, type HsdsSchedule, type WeekDay, type WeeklyHoursBody } from '../api.js';

/** One row of weekly hours as the coordinator edits it: times as typed, description as written. */
export interface HoursRow {
  days: WeekDay[];
  opens_at: string;
  closes_at: string;
  description: string;
}

export const emptyHoursRow = (): HoursRow => ({ days: [], opens_at: '', closes_at: '', description: '' });

/**
 * The rows of a service's own weekly schedules. Its locations' hours are kept with the locations,
 * and schedules that are not weekly (monthly ones) are not shown here: the server keeps both.
 */
export function hoursRowsOf(schedules: HsdsSchedule[]): HoursRow[] {
  return schedules
    .filter((s) => !s.location_id && !s.service_at_location_id && (s.freq ?? 'WEEKLY') === 'WEEKLY')
    .map((s) => ({
      days: WEEK_DAYS.filter((d) => (s.byday ?? '').toUpperCase().split(',').map((x) => x.trim()).includes(d)),
      opens_at: (s.opens_at ?? '').slice(0, 5),
      closes_at: (s.closes_at ?? '').slice(0, 5),
      description: s.description ?? '',
    }));
}

/**
 * A time as people write it ("9", "9.00", "0900", "09:00") in the HH:MM the API takes; empty is
 * none. Anything else is sent as written, for the API to refuse naming the field.
 */
export function timeOf(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(t);
  return m ? `${m[1].padStart(2, '0')}:${m[2] ?? '00'}` : t;
}

/** A row added and never filled in: left out of the save, as an empty phone row is. */
export const isBlankHours = (r: HoursRow) => !r.days.length && !r.opens_at.trim() && !r.closes_at.trim() && !r.description.trim();

export const hoursBodyOf = (r: HoursRow): WeeklyHoursBody => ({ days: r.days, opens_at: timeOf(r.opens_at), closes_at: timeOf(r.closes_at), description: r.description.trim() || null });
