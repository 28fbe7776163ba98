import { zoneOffsetMinutes } from '../../shared/time-zone.js';

/** The instant of a wall-clock time in a zone (an hour skipped by summer time moves forward). */
export function wallClockToUtc(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffsetMinutes(wallMs, timeZone) * 60_000;
  return wallMs - zoneOffsetMinutes(first, timeZone) * 60_000;
}

const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function validWall(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

/**
 * Reads `2024-03-05T10:30:00+01:00`, `2024-03-05 10:30` (wall clock in the helpline's zone) or
 * `2024-03-05` (midnight there) into an ISO instant in UTC; null when it is none of these.
 */
export function parseDateTime(text: string, timeZone: string): string | null {
  const dateOnly = DATE_ONLY.exec(text);
  const m = dateOnly ?? WITH_OFFSET.exec(text);
  if (!m) return null;
  const wall = validWall(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  if (wall === null) return null;
  const millis = dateOnly || !m[7] ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const zone = dateOnly ? undefined : m[8];
  let utc: number;
  if (!zone) utc = wallClockToUtc(wall, timeZone);
  else if (zone.toUpperCase() === 'Z') utc = wall;
  else {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    utc = wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * 60_000;
  }
  return new Date(utc + millis).toISOString();
}

/** An instant as local ISO 8601 with the zone's offset, e.g. `2024-03-05T10:30:00+01:00`. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant.getTime(), timeZone);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString(); // UTC fields = wall clock
  const ms = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  return `${local.slice(0, 19)}${ms}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
