import type { Db } from '../../db/connection.js';
import type { Locale } from '../../shared/enums.js';
import type { Report } from '../../shared/schemas/stats.js';
import { notFound } from '../../server/errors.js';
import { type Actor, canUseHelpline } from '../auth/policy.js';
import { helplineSnapshot } from '../helplines/snapshot.js';
import { getHelpline } from '../helplines/service.js';
import { buildReport } from './report.js';
import { chartFor } from './charts.js';
import * as q from './queries.js';

export interface ReportRequest {
  helplineId: string;
  year: number;
  locale: Locale;
  suppress: boolean;
  charts: boolean;
}

/** The annual report of one helpline and year: aggregates only, never a contact row. */
export async function annualReport(db: Db, actor: Actor, r: ReportRequest): Promise<Report> {
  if (!canUseHelpline(actor, r.helplineId)) throw notFound();
  const [snapshot, helpline] = await Promise.all([helplineSnapshot(db, r.helplineId), getHelpline(db, r.helplineId)]);
  if (!snapshot || !helpline) throw notFound();
  const [{ counts, themes, demoContacts }, previousKinds] = await Promise.all([q.reportCounts(db, r.helplineId, r.year), q.kindTotals(db, r.helplineId, r.year - 1)]);
  const report = buildReport({ snapshot, helplineName: (helpline.name as Record<string, string>)[r.locale], year: r.year, locale: r.locale, suppress: r.suppress, counts, themes, previousKinds, demoContacts });
  if (r.charts) {
    for (const t of report.tables) {
      const chart = chartFor(t, r.locale);
      t.chartSvg = chart.svg;
      t.chartText = chart.text;
    }
  }
  return report;
}
