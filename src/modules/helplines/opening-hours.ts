/** Whether a weekly schedule is open at `now`, in the helpline's time zone. */
export function isOpenAt(hours: { days: number[]; opens: string; closes: string }[], timeZone: string, now = new Date()): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  const time = `${get('hour').replace('24', '00')}:${get('minute')}`;
  return hours.some((h) => h.days.includes(weekday) && h.opens <= time && time < h.closes);
}
