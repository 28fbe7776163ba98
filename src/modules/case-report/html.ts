import type { CaseReport } from '../../shared/schemas/case-report.js';
import { REPORT_WORDS, fill, formatNumber } from '../../shared/i18n/report-labels.js';
import { REPORT_PAGE_CSS, escape, tableHtml } from '../stats/html.js';
import { CASE_REPORT_WORDS } from './words.js';

/** The follow-up report as a self-contained printable page (no script), like the helpline's. */
export function caseReportHtml(report: CaseReport, now = new Date()): string {
  const w = CASE_REPORT_WORDS[report.locale];
  const rw = REPORT_WORDS[report.locale];
  const s = report.summary;
  const card = (label: string, value: number | string) => `<div><dt>${escape(label)}</dt><dd>${escape(formatNumber(value, report.locale))}</dd></div>`;
  const title = fill(w.title, { year: report.year });
  return `<!doctype html>
<html lang="${report.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${report.suppressed ? '' : `${escape(rw.internalBanner.split(' –')[0])}: `}${escape(report.helplineName)} – ${escape(title)}</title>
<style>
  ${REPORT_PAGE_CSS}
  .summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; } .summary div { border: 1px solid #ddd; padding: .5rem; }
  .summary dt { font-size: .85rem; color: #555; overflow-wrap: anywhere; hyphens: auto; } .summary dd { margin: 0; font-size: 1.4rem; font-weight: bold; }
  .note { font-size: .85rem; color: #444; } .banner { background: #fff4e5; padding: .5rem; border-left: 4px solid #8a5a00; }
  .banner.internal { background: #fde8e8; border-left-color: #c8102e; font-weight: bold; } .table-scroll { overflow-x: auto; }
  @page { size: A4; margin: 18mm 14mm 16mm; }
  @media print { body { margin: 0; max-width: none; padding: 0; font-size: 10pt; } .table-scroll { overflow: visible; } h2 { break-after: avoid; } tr, .summary { break-inside: avoid; } .banner { print-color-adjust: exact; } }
</style></head>
<body><main>
<h1>${escape(report.helplineName)}</h1>
<p>${escape(title)}</p>
${report.suppressed ? `<p class="banner">${escape(rw.suppressedBanner)}</p>` : `<p class="banner internal" role="note">${escape(rw.internalBanner)}</p>`}
<dl class="summary">${card(w.users, s.users)}${card(w.activitiesTotal, s.activities)}${card(w.referrals, s.referrals)}${card(w.mailItems, s.mailItems)}${card(w.physicalMeetings, s.physicalMeetings)}</dl>
${report.tables.map((t) => tableHtml(t, report.locale)).join('\n')}
<p class="note">${escape(fill(rw.generated, { date: now.toISOString().slice(0, 10) }))}</p>
</main></body></html>`;
}
