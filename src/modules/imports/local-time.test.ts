import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, parseDateTime } from './local-time.js';

const OSLO = 'Europe/Oslo';

describe('parseDateTime', () => {
  it('reads wall-clock times in the helpline zone across summer time', () => {
    expect(parseDateTime('2024-01-15 10:30', OSLO)).toBe('2024-01-15T09:30:00.000Z');
    expect(parseDateTime('2024-07-15 10:30', OSLO)).toBe('2024-07-15T08:30:00.000Z');
    expect(parseDateTime('2024-03-31 01:59', OSLO)).toBe('2024-03-31T00:59:00.000Z');
    expect(parseDateTime('2024-03-31 03:00', OSLO)).toBe('2024-03-31T01:00:00.000Z');
    expect(parseDateTime('2024-07-15', OSLO)).toBe('2024-07-14T22:00:00.000Z');
  });

  it('takes an explicit offset as given, and refuses what is not a time', () => {
    expect(parseDateTime('2024-07-15T10:30:00+02:00', OSLO)).toBe('2024-07-15T08:30:00.000Z');
    expect(parseDateTime('2024-07-15T10:30:00.250Z', OSLO)).toBe('2024-07-15T10:30:00.250Z');
    expect(parseDateTime('2024-07-15 10:30-0300', OSLO)).toBe('2024-07-15T13:30:00.000Z');
    for (const bad of ['2024-02-30', '2024-07-15 25:00', '15.07.2024', '2024-7-5', 'yesterday']) expect(parseDateTime(bad, OSLO)).toBeNull();
  });
});

describe('formatLocalDateTime', () => {
  it('writes local time with the offset, and reads back to the same instant', () => {
    for (const iso of ['2024-01-15T09:30:00.000Z', '2024-07-15T08:30:00.000Z', '2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z', '2024-07-15T08:30:00.123Z']) {
      const text = formatLocalDateTime(new Date(iso), OSLO);
      expect(parseDateTime(text, OSLO)).toBe(iso);
    }
    expect(formatLocalDateTime(new Date('2024-07-15T08:30:00Z'), OSLO)).toBe('2024-07-15T10:30:00+02:00');
  });
});
