/** The weekday (1 = Monday … 7 = Sunday) and time ("HH:MM") on the wall clock of `timeZone` at `now`. */
export function wallClock(timeZone: string, now: Date): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { weekday, time: `${get('hour').replace('24', '00')}:${get('minute')}` };
}

/**
 * Whether a weekly schedule is open at `now`, read on the wall clock of the helpline's time zone:
 * "09:00–16:00" means nine to four local time in summer and winter alike. Shared by the server
 * (`openNow` in the API, the directory's services) and the web app, which shows "open now" by the
 * reader's own clock.
 */
export function isOpenAt(hours: { days: number[]; opens: string; closes: string }[], timeZone: string, now = new Date()): boolean {
  const { weekday, time } = wallClock(timeZone, now);
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return hours.some((h) => {
    if (h.opens <= h.closes) return h.days.includes(weekday) && h.opens <= time && time < h.closes;
    // Crosses midnight (22:00–02:00): open from `opens` on its days until `closes` the morning after.
    return (h.days.includes(weekday) && h.opens <= time) || (h.days.includes(yesterday) && time < h.closes);
  });
}

/** The minute of the week (Monday 00:00 = 0) on the wall clock of `timeZone` at `now`. */
export function minuteOfWeek(timeZone: string, now: Date): number {
  const { weekday, time } = wallClock(timeZone, now);
  return (weekday - 1) * 1440 + Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
