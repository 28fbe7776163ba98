import type { Report, ReportTable } from '../../../../src/shared/schemas/stats.js';
import type { Locale } from '../../../../src/shared/enums.js';
import { apiUrl, http } from '../../shared/http.js';

export type { Report, ReportTable };

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

export const tableDownloadUrl = (p: ReportParams, table: string, format: 'csv' | 'xlsx') =>
  apiUrl(`/api/stats/table.${format}`, { helplineId: p.helplineId, year: p.year, table, suppress: String(p.suppress), lang: p.lang });
