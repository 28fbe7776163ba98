import { formatDays } from '../../helplines/opening-hours.js';
import type { DirectoryHit } from '../api.js';

type T = (key: string) => string;

export interface HoursLine {
  /** Days and times in the reader's words: "man–fre 09:00–15:00". */
  text: string;
  /** What was written beside them, as written: "Stengt i romjulen". */
  note: string | null;
}

/** From midnight to midnight: the editor writes a whole day as 00:00–23:59, HSDS as 00:00–24:00. */
const wholeDay = (h: { opens: string; closes: string }) => h.opens === '00:00' && (h.closes === '24:00' || h.closes === '23:59');

/**
 * A service's weekly hours as lines for its card. Hours without a note that share their days
 * share a line ("man–fre 09:00–11:30, 12:00–16:00"); hours with a note keep it beside them. Every
 * day around the clock, without notes, reads "Alltid åpen".
 */
export function serviceHoursLines(hours: DirectoryHit['weekly_hours'], t: T): HoursLine[] {
  if (!hours.length) return [];
  const roundTheClock = new Set(hours.filter(wholeDay).flatMap((h) => h.days));
  if (hours.every((h) => !h.note) && [1, 2, 3, 4, 5, 6, 7].every((d) => roundTheClock.has(d))) return [{ text: t('helplines.hours.always'), note: null }];
  const times = (h: { opens: string; closes: string }) => (wholeDay(h) ? t('helplines.hours.allDay') : `${h.opens}–${h.closes}`);
  const lines: (HoursLine & { days: string })[] = [];
  for (const h of hours) {
    const days = [...new Set(h.days)].sort((a, b) => a - b).join(',');
    const same = !h.note && lines.find((l) => l.days === days && !l.note);
    if (same) same.text += `, ${times(h)}`;
    else lines.push({ days, text: `${formatDays(h.days, t)} ${times(h)}`, note: h.note });
  }
  return lines.map(({ text, note }) => ({ text, note }));
}
