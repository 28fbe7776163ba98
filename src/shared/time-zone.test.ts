import { describe, expect, it } from 'vitest';
import { localDate } from './time-zone.js';

describe('localDate', () => {
  it('counts a contact on the helpline’s own calendar day, summer and winter', () => {
    expect(localDate(new Date('2024-06-30T22:30:00Z'), 'Europe/Oslo')).toBe('2024-07-01');
    expect(localDate(new Date('2024-12-31T22:59:00Z'), 'Europe/Oslo')).toBe('2024-12-31');
    expect(localDate(new Date('2024-12-31T23:00:00Z'), 'Europe/Oslo')).toBe('2025-01-01');
    expect(localDate(new Date('2024-03-31T00:59:00Z'), 'Europe/Copenhagen')).toBe('2024-03-31');
  });
});
