import type { Db } from '../../db/connection.js';
import { LIMITS, type Locale } from '../../shared/enums.js';
import type { CaseReport } from '../../shared/schemas/case-report.js';
import { AppError, notFound } from '../../server/errors.js';
import { type Actor, canUseHelpline } from '../auth/policy.js';
import { getHelpline } from '../helplines/service.js';
import { mayReadInternal } from '../stats/service.js';
import { loadSolver } from '../stats/disclosure/intervals.js';
import { buildCaseReport } from './build.js';
import { caseReportCounts } from './queries.js';

/**
 * The follow-up report of one service and year: aggregates only, never a case row. The same rule
 * as the helpline report: everyone who may read the helpline's statistics sees the published view;
 * its own coordinators may see every number (the internal view, marked as such).
 */
export async function caseReport(db: Db, actor: Actor, r: { helplineId: string; year: number; locale: Locale; suppress: boolean }): Promise<CaseReport> {
  if (!canUseHelpline(actor, r.helplineId)) throw notFound();
  if (!r.suppress && !mayReadInternal(actor, r.helplineId)) throw new AppError(403, 'internal_view', 'suppress');
  const [helpline, counts, solver] = await Promise.all([getHelpline(db, r.helplineId), caseReportCounts(db, r.helplineId, r.year), r.suppress ? loadSolver() : undefined]);
  if (!helpline) throw notFound();
  return buildCaseReport({
    helplineId: r.helplineId, helplineName: (helpline.name as Record<string, string>)[r.locale], year: r.year, locale: r.locale,
    suppress: r.suppress, threshold: helpline.small_cell_threshold ?? LIMITS.smallCell, solver, counts,
  });
}
