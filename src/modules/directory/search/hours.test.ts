import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpenAt, minuteOfWeek } from '../../../shared/opening-hours.js';
import { openRanges, weeklyHours } from './hours.js';

/** Whether half-open ranges from `openRanges` hold a minute. */
const contains = (ranges: [number, number][], minute: number) => ranges.some(([a, b]) => a <= minute && minute < b);

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
      expect(contains(openRanges(h), minuteOfWeek(tz, now))).toBe(isOpenAt(h, tz, now));
    }), { numRuns: 2000 });
  });

  it('Sunday 22:00–02:00 is open on Monday at 01:00 and closed at 02:00', () => {
    const sunday = [{ days: [7], opens: '22:00', closes: '02:00' }];
    expect(openRanges(sunday)).toEqual([[9960, 10080], [0, 120]]);
    expect(contains(openRanges(sunday), 60)).toBe(true);
    expect(contains(openRanges(sunday), 120)).toBe(false);
  });
});
