import type { HelplineResponse } from './api.js';

export type OpeningHours = HelplineResponse['channels'][number]['openingHours'];

type T = (key: string) => string;

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * ISO weekdays (1 = Monday) as short words, consecutive runs of three or more joined with a dash:
 * [1,2,3,4,5] → "man–fre", [1,5] → "man, fre", [1..7] → "alle dager".
 */
export function formatDays(days: number[], t: T): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return t('helplines.hours.everyDay');
  const day = (d: number) => t(`helplines.days.${d}`);
  const runs: number[][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === d - 1) last.push(d);
    else runs.push([d]);
  }
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${day(run[0])}–${day(run[run.length - 1])}`] : run.map(day)))
    .join(', ');
}

function formatTimes(opens: string, closes: string, t: T): string {
  if (opens === '00:00' && closes === '24:00') return t('helplines.hours.allDay');
  return `${opens}–${closes}`;
}

/**
 * A channel's weekly hours as lines for people, one per set of days: "man–fre 09:00–16:00".
 * Entries with the same days share a line ("man–fre 09:00–11:30, 12:00–16:00"). No entries means
 * the channel is never open; every day around the clock reads "alltid åpen".
 */
export function formatOpeningHours(hours: OpeningHours, t: T): string[] {
  if (hours.length === 0) return [t('helplines.hours.closed')];
  const roundTheClock = new Set(hours.filter((h) => h.opens === '00:00' && h.closes === '24:00').flatMap((h) => h.days));
  if (ALL_DAYS.every((d) => roundTheClock.has(d))) return [t('helplines.hours.always')];
  const groups = new Map<string, { days: number[]; times: string[] }>();
  for (const h of hours) {
    const days = [...new Set(h.days)].sort((a, b) => a - b);
    const key = days.join(',');
    const group = groups.get(key) ?? { days, times: [] };
    group.times.push(formatTimes(h.opens, h.closes, t));
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => `${formatDays(g.days, t)} ${g.times.join(', ')}`);
}
