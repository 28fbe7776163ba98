import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, parseDateTime } from './local-time.js';

// docs/import-format.md, `date_time`: ISO 8601 with an offset; or `YYYY-MM-DD HH:mm` (seconds
// optional) read as the helpline's local time; or `YYYY-MM-DD` alone (local midnight).
const OSLO = 'Europe/Oslo';

describe('an imported date_time cell', () => {
  it('takes an offset with minutes, with or without the colon, or hours alone', () => {
    expect(parseDateTime('2024-07-15T10:30:00+05:30', OSLO)).toBe('2024-07-15T05:00:00.000Z');
    expect(parseDateTime('2024-07-15T10:30:00+0530', OSLO)).toBe('2024-07-15T05:00:00.000Z');
    expect(parseDateTime('2024-07-15T10:30:00-02:30', OSLO)).toBe('2024-07-15T13:00:00.000Z');
    expect(parseDateTime('2024-07-15T10:30:00+05', OSLO)).toBe('2024-07-15T05:30:00.000Z');
    expect(parseDateTime('2024-07-15 10:30 +02:00', OSLO)).toBe('2024-07-15T08:30:00.000Z');
  });

  it('reads a lower-case t and z as ISO 8601 allows', () => {
    expect(parseDateTime('2024-07-15t10:30:00z', OSLO)).toBe('2024-07-15T10:30:00.000Z');
  });

  it('keeps fractions of a second to the millisecond, with a point or a comma', () => {
    expect(parseDateTime('2024-07-15T10:30:00.5Z', OSLO)).toBe('2024-07-15T10:30:00.500Z');
    expect(parseDateTime('2024-07-15T10:30:00,25Z', OSLO)).toBe('2024-07-15T10:30:00.250Z');
    expect(parseDateTime('2024-07-15T10:30:00.123456789Z', OSLO)).toBe('2024-07-15T10:30:00.123Z');
  });

  it('reads seconds on a local wall-clock time', () => {
    expect(parseDateTime('2024-01-15 10:30:45', OSLO)).toBe('2024-01-15T09:30:45.000Z');
  });

  it('moves a time in the hour skipped by summer time forward, as the clock did', () => {
    // 31 March 2024 in Oslo: 02:00 became 03:00, so 02:30 is read as 03:30 summer time.
    expect(parseDateTime('2024-03-31 02:30', OSLO)).toBe('2024-03-31T01:30:00.000Z');
  });

  it('reads a leap day, and refuses dates and clock times that do not exist', () => {
    expect(parseDateTime('2024-02-29', OSLO)).toBe('2024-02-28T23:00:00.000Z');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-07-15 24:00', '2024-07-15 10:60', '2024-07-15 10:30:60', ' 2024-07-15', '']) {
      expect(parseDateTime(bad, OSLO), bad).toBeNull();
    }
  });

  it('reads the last second of a day, and refuses a year written with leading zeros instead of moving it to the 1900s', () => {
    expect(parseDateTime('2024-07-15 23:59:59', OSLO)).toBe('2024-07-15T21:59:59.000Z');
    expect(parseDateTime('2024-07-15T23:59:59Z', OSLO)).toBe('2024-07-15T23:59:59.000Z');
    // JavaScript's Date.UTC reads years 0–99 as 1900–1999; "0024" is no year a helpline has contacts in.
    expect(parseDateTime('0024-03-05', OSLO)).toBeNull();
    expect(parseDateTime('0099-12-31 10:00', OSLO)).toBeNull();
  });

  it('uses the zone it is given, not the server’s', () => {
    expect(parseDateTime('2024-07-15 10:30', 'America/New_York')).toBe('2024-07-15T14:30:00.000Z');
    expect(parseDateTime('2024-07-15', 'Asia/Kolkata')).toBe('2024-07-14T18:30:00.000Z');
  });
});

describe('an exported date_time cell', () => {
  it('writes a negative offset and an offset with minutes', () => {
    expect(formatLocalDateTime(new Date('2024-07-15T14:30:00Z'), 'America/New_York')).toBe('2024-07-15T10:30:00-04:00');
    expect(formatLocalDateTime(new Date('2024-07-15T14:30:00Z'), 'America/St_Johns')).toBe('2024-07-15T12:00:00-02:30');
    expect(formatLocalDateTime(new Date('2024-07-15T05:00:00Z'), 'Asia/Kolkata')).toBe('2024-07-15T10:30:00+05:30');
    expect(formatLocalDateTime(new Date('2024-01-15T09:30:00Z'), 'UTC')).toBe('2024-01-15T09:30:00+00:00');
  });
});
