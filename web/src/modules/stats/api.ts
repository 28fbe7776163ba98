import type { Report, ReportTable } from '../../../../src/shared/schemas/stats.js';
import type { CaseReport } from '../../../../src/shared/schemas/case-report.js';
import type { Locale } from '../../../../src/shared/enums.js';
import { apiUrl, http } from '../../shared/http.js';

export type { Report, ReportTable, CaseReport };

/** The dashboard's two reports: the helpline's contacts, and follow-up casework (seed 002, section 5). */
export type ReportKind = 'contacts' | 'cases';

export interface ReportParams {
  helplineId: string;
  year: number;
  suppress: boolean;
  lang: Locale;
}

const query = (p: ReportParams) => ({ helplineId: p.helplineId, year: p.year, suppress: String(p.suppress), lang: p.lang });

export const fetchReport = (p: ReportParams, signal?: AbortSignal) => http.get<Report>('/api/stats/report', query(p), signal);

/** The printable report page (opened in a new tab). */
export const reportHtmlUrl = (p: ReportParams) => apiUrl('/api/stats/report.html', query(p));

/** The printable follow-up report (seed 002, section 5) of the same helpline, year and view. */
export const caseReportHtmlUrl = (p: ReportParams) => apiUrl('/api/stats/cases/report.html', query(p));

export const fetchCaseReport = (p: ReportParams, signal?: AbortSignal) => http.get<CaseReport>('/api/stats/cases/report', query(p), signal);

const BASE: Record<ReportKind, string> = { contacts: '/api/stats', cases: '/api/stats/cases' };

/** One table of either report as a CSV or Excel file, in the same view as the screen. */
export const tableDownloadUrl = (p: ReportParams, table: string, format: 'csv' | 'xlsx', kind: ReportKind = 'contacts') =>
  apiUrl(`${BASE[kind]}/table.${format}`, { ...query(p), table });
