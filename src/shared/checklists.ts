import { wallClock } from './opening-hours.js';

/**
 * The handbook's checklists (issue 10 point 5) as the server sends them and the web app shows
 * them, and what the handbook says to do next. Shared so the page answers at once while a
 * counsellor ticks, and the server answers the same from what is saved.
 */
export type Text = { nb: string; da: string; en: string };
export interface ChecklistSource { seed: string; line: number; quote?: string; section?: string }
export interface ChecklistItem { id: string; text: Text; line: number; group?: string }
export interface ChecklistSection { id: string; title: Text; source: ChecklistSource; reference?: string; groups?: { id: string; title: Text; line?: number }[]; items: ChecklistItem[] }
export interface NextStep { when: 'any_ticked' | 'minor' | 'acute'; text: Text; contacts?: string[]; source: ChecklistSource }
export interface EscalationRoute { id: string; when: 'acute' | 'otherwise' | { days: string[]; from: string; to: string }; contact: Text; text: Text; note?: Text; source: ChecklistSource }
export interface Checklist {
  id: string;
  title: Text;
  intro: Text;
  source: ChecklistSource;
  last_verified: string;
  sections: ChecklistSection[];
  next_steps: NextStep[];
  routes?: EscalationRoute[];
  then?: { text: Text; contacts?: string[]; source: ChecklistSource }[];
}

/** Where the routes' hours are read: the handbook is Norwegian, and so is the child welfare service it names. */
export const ESCALATION_TIME_ZONE = 'Europe/Oslo';
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * Whom to contact first about a minor, now: the acute route when it is acute, else the first route
 * whose days and hours hold the time on the Norwegian wall clock, else the route for other times.
 */
export function escalationRouteAt(routes: EscalationRoute[], acute: boolean, now: Date): EscalationRoute | undefined {
  if (acute) return routes.find((r) => r.when === 'acute');
  const { weekday, time } = wallClock(ESCALATION_TIME_ZONE, now);
  const timed = routes.find((r) => typeof r.when === 'object' && r.when.days.includes(DAYS[weekday - 1]) && r.when.from <= time && time < r.when.to);
  return timed ?? routes.find((r) => r.when === 'otherwise');
}

/** What the handbook says to do, given what was ticked and whether the person is a minor or in acute danger. */
export function nextStepsFor(checklist: Checklist, ticked: string[], flags: { minor: boolean; acute: boolean }): NextStep[] {
  return checklist.next_steps.filter((s) => (s.when === 'any_ticked' && ticked.length > 0) || (s.when === 'minor' && flags.minor) || (s.when === 'acute' && flags.acute));
}
