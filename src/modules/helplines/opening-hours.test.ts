import { describe, expect, it } from 'vitest';
import { isOpenAt } from './opening-hours.js';

// A night line on Fridays, 22:00–02:00 in Oslo (winter: UTC+1); the schema allows such hours.
const NIGHT = [{ days: [5], opens: '22:00', closes: '02:00' }];
const oslo = (local: string) => new Date(`${local}+01:00`);

describe('opening hours that cross midnight', () => {
  it('are open from the evening until the morning after', () => {
    // Friday 4 December 2026 and the night that follows.
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-04T21:59:00'))).toBe(false);
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-04T22:00:00'))).toBe(true);
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-04T23:30:00'))).toBe(true);
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-05T00:00:00'))).toBe(true);
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-05T01:59:00'))).toBe(true);
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-05T02:00:00'))).toBe(false);
  });

  it('are not open on the other nights', () => {
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-05T23:00:00'))).toBe(false); // Saturday evening
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-04T01:00:00'))).toBe(false); // Friday small hours: Thursday is closed
  });

  it('a Sunday night runs into Monday', () => {
    const sunday = [{ days: [7], opens: '20:00', closes: '01:00' }];
    expect(isOpenAt(sunday, 'Europe/Oslo', oslo('2026-12-07T00:30:00'))).toBe(true); // Monday 00:30
    expect(isOpenAt(sunday, 'Europe/Oslo', oslo('2026-12-08T00:30:00'))).toBe(false); // Tuesday 00:30
  });

  it('daytime hours still work as before', () => {
    const day = [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '16:00' }];
    expect(isOpenAt(day, 'Europe/Oslo', oslo('2026-12-04T10:00:00'))).toBe(true);
    expect(isOpenAt(day, 'Europe/Oslo', oslo('2026-12-04T16:00:00'))).toBe(false);
    expect(isOpenAt([{ days: [6], opens: '00:00', closes: '24:00' }], 'Europe/Oslo', oslo('2026-12-05T23:59:00'))).toBe(true);
  });
});
