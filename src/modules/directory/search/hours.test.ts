import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpenAt, minuteOfWeek } from '../../../shared/opening-hours.js';
import { openMinutes, weeklyHours } from './hours.js';

/** Whether a multirange literal from `openMinutes` holds a minute, as PostgreSQL's `@>` answers. */
function contains(multirange: string | null, minute: number): boolean {
  if (!multirange) return false;
  return [...multirange.matchAll(/\[(\d+),(\d+)\)/g)].some(([, a, b]) => Number(a) <= minute && minute < Number(b));
}

const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const hours = fc.array(fc.record({ days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), opens: time, closes: time }), { minLength: 1, maxLength: 4 });

describe('a directory service\'s opening hours', () => {
  it('reads HSDS weekly schedules; others say nothing', () => {
    expect(weeklyHours([
      { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '15:00' },
      { byday: 'SA', opens_at: '22:00:00', closes_at: '02:00:00' },
      { freq: 'MONTHLY', byday: 'SU', opens_at: '10:00', closes_at: '12:00' },
      { freq: 'WEEKLY', opens_at: '10:00', closes_at: '12:00' },
    ])).toEqual([{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '15:00' }, { days: [6], opens: '22:00', closes: '02:00' }]);
  });

  it('as minutes of the week, agree with the helplines\' isOpenAt at every moment (across midnight and from Sunday into Monday)', () => {
    fc.assert(fc.property(hours, fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom('Europe/Oslo', 'Europe/Copenhagen', 'America/New_York'), (h, now, tz) => {
      expect(contains(openMinutes(h), minuteOfWeek(tz, now))).toBe(isOpenAt(h, tz, now));
    }), { numRuns: 2000 });
  });

  it('Sunday 22:00–02:00 is open on Monday at 01:00 and closed at 02:00', () => {
    const sunday = [{ days: [7], opens: '22:00', closes: '02:00' }];
    expect(openMinutes(sunday)).toBe('{[9960,10080),[0,120)}');
    expect(contains(openMinutes(sunday), 60)).toBe(true);
    expect(contains(openMinutes(sunday), 120)).toBe(false);
  });
});
