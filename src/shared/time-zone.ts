/**
 * Time-zone arithmetic shared by the contact date, the import and the export. Intl formatters are costly to build (tens of µs),
 * so one per zone is kept, and offsets are cached per 15-minute slot (every zone's offset is a
 * multiple of 15 minutes): a 20 000-row file then costs a few thousand formatter calls.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const SLOT_MS = 15 * 60_000;

/** A value that is the same for every instant of a zone's quarter hour, computed once per slot. */
function perSlot<T>(compute: (slotStartMs: number, timeZone: string) => T): (utcMs: number, timeZone: string) => T {
  const cache = new Map<string, Map<number, T>>();
  return (utcMs, timeZone) => {
    let perZone = cache.get(timeZone);
    if (!perZone) cache.set(timeZone, (perZone = new Map()));
    const slot = Math.floor(utcMs / SLOT_MS);
    let value = perZone.get(slot);
    if (value === undefined) perZone.set(slot, (value = compute(slot * SLOT_MS, timeZone)));
    return value;
  };
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes the zone is ahead of UTC at an instant. */
export const zoneOffsetMinutes = perSlot((at, timeZone) => {
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at) / 60_000;
});

const dateOfSlot = perSlot((at, timeZone) => new Date(at + zoneOffsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 10));

/**
 * The calendar date (YYYY-MM-DD) of an instant in a time zone: contacts are counted by local day.
 * Offsets are whole quarter hours, so local midnight falls on a slot boundary and every instant
 * of a slot has the same local date: one cached answer per slot.
 */
export function localDate(instant: Date, timeZone: string): string {
  return dateOfSlot(instant.getTime(), timeZone);
}
