import { sideBySide, type Db } from '../../db/connection.js';
import { LIMITS, type Locale } from '../../shared/enums.js';
import type { Report } from '../../shared/schemas/stats.js';
import { AppError, notFound } from '../../server/errors.js';
import { type Actor, can, canUseHelpline } from '../auth/policy.js';
import { helplineSnapshot } from '../helplines/snapshot.js';
import { getHelpline } from '../helplines/service.js';
import { buildReport, sameDayLastYear } from './report.js';
import { chartsOf } from './chart-pool.js';
import { loadSolver } from './disclosure/intervals.js';
import * as q from './queries.js';

export interface ReportRequest {
  helplineId: string;
  year: number;
  locale: Locale;
  /** The published view (default). The internal one (false) is for the helpline's coordinators. */
  suppress: boolean;
  /** Drawn on the server: for the printable report only; the dashboard's are drawn by the browser. */
  charts: boolean;
  /** The moment the report is made: decides whether the year is over (tests pass a fixed one). */
  now?: Date;
}

/** Only the helpline's own coordinators see every number; everyone else the published view. */
export function mayReadInternal(actor: Actor, helplineId: string): boolean {
  return can(actor, 'stats.internal') && actor.helplineIds.includes(helplineId);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Today in the helpline's time zone, as YYYY-MM-DD (one formatter per zone, made once). */
function localDay(now: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(now);
}

/** The annual report of one helpline and year: aggregates only, never a contact row. */
export async function annualReport(db: Db, actor: Actor, r: ReportRequest): Promise<Report> {
  if (!canUseHelpline(actor, r.helplineId)) throw notFound();
  if (!r.suppress && !mayReadInternal(actor, r.helplineId)) throw new AppError(403, 'internal_view', 'suppress');
  // The snapshot is kept in memory; the helpline row (its name and small-cell threshold, which
  // must never be stale) is read side by side with the counts: under a full shift each statement
  // a request waits for in turn is another wait for a free connection (issue 8).
  const snapshot = await helplineSnapshot(db, r.helplineId);
  if (!snapshot) throw notFound();
  // While the year is not over, compare the year so far with the same days of the year before.
  const today = localDay(r.now ?? new Date(), snapshot.timeZone);
  const until = Number(today.slice(0, 4)) === r.year && !today.endsWith('-12-31') ? today : undefined;
  // Three statements, side by side on the pool, or on one connection when the pool is queueing.
  const solving = r.suppress ? loadSolver() : undefined;
  solving?.catch(() => undefined); // awaited below; not an unhandled rejection if the counts fail first
  const [helpline, { counts, themes, demoContacts }, previousKinds] = await sideBySide(db, (on) => Promise.all([
    getHelpline(on, r.helplineId),
    q.reportCounts(db, r.helplineId, r.year, on),
    until ? q.kindTotalsUntil(on, r.helplineId, sameDayLastYear(until)) : q.kindTotals(db, r.helplineId, r.year - 1, on),
  ]));
  const solver = await solving;
  if (!helpline) throw notFound();
  const report = buildReport({
    snapshot, helplineName: (helpline.name as Record<string, string>)[r.locale], year: r.year, locale: r.locale,
    suppress: r.suppress, threshold: helpline.small_cell_threshold ?? LIMITS.smallCell, solver,
    counts, themes, previousKinds, demoContacts, until,
  });
  if (r.charts) {
    const charts = await chartsOf(report.tables, r.locale);
    report.tables.forEach((t, i) => {
      t.chartSvg = charts[i].svg;
      t.chartText = charts[i].text;
    });
  }
  return report;
}
