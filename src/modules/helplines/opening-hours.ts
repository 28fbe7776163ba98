/** Whether a weekly schedule is open at `now`, in the helpline's time zone. */
export function isOpenAt(hours: { days: number[]; opens: string; closes: string }[], timeZone: string, now = new Date()): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  const time = `${get('hour').replace('24', '00')}:${get('minute')}`;
  return hours.some((h) => h.days.includes(weekday) && h.opens <= time && time < h.closes);
}

// One formatter per time zone: building an Intl.DateTimeFormat costs ~100 µs, and an import
// converts every row.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: contacts are counted by local day. */
export function localDate(instant: Date, timeZone: string): string {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, f);
  }
  return f.format(instant);
}
