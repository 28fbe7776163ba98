import type { Report, ReportTable } from '../../shared/schemas/stats.js';
import { REPORT_WORDS, fill, formatNumber } from '../../shared/i18n/report-labels.js';
import type { Locale } from '../../shared/enums.js';
import { CHART_WORDS } from '../../shared/charts/words.js';

export const escape = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page, headings and tables of every printable report (the helpline's and the follow-up one). */
export const REPORT_PAGE_CSS = `body { font-family: Inter, Arial, sans-serif; color: #1a1a1a; max-width: 760px; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #c8102e; }
  table { border-collapse: collapse; width: 100%; margin-top: .5rem; } th, td { padding: .25rem .5rem; border-bottom: 1px solid #ddd; text-align: right; }
  th[scope=row], thead th:first-child { text-align: left; font-weight: normal; } tr.total th, tr.total td { font-weight: bold; }`;

/** A CSS string: every character that could end the string or the style element is escaped. */
const cssString = (s: string) => `"${s.replace(/[^\p{L}\p{N} .,:;()·–-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;

export function tableHtml(t: ReportTable, locale: Locale): string {
  const head = `<tr><th scope="col"></th>${t.columns.map((c) => `<th scope="col">${escape(c)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r) => `<tr${r.key === 'total' ? ' class="total"' : ''}><th scope="row">${escape(r.label)}</th>${r.values.map((v) => `<td>${escape(formatNumber(v, locale))}</td>`).join('')}</tr>`)
    .join('');
  const chart = t.chartSvg
    ? `<figure class="report-chart" role="img" aria-label="${escape(t.title)}">${t.chartSvg}</figure>`
    : t.chartText ? `<p class="no-chart">${escape(t.chartText)}</p>` : '';
  const note = t.note ? `<p class="note">${escape(t.note)}</p>` : '';
  const id = `t-${escape(t.id)}`;
  // On a phone a wide table scrolls sideways within itself, not the page: focusable, so keys can scroll it.
  const table = `<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0"><table><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
  return `<section><h2 id="${id}">${escape(t.title)}</h2>${chart}${table}${note}</section>`;
}

/** A self-contained printable report page (charts inline as SVG, no script). */
export function reportHtml(report: Report, now = new Date()): string {
  const w = REPORT_WORDS[report.locale];
  const cw = CHART_WORDS[report.locale];
  const s = report.summary;
  const change = (percent: number | null | undefined) => (percent === null || percent === undefined ? '' : ` (${percent > 0 ? '+' : ''}${percent} %)`);
  const card = (label: string, value: number | string | undefined, detail = '') =>
    value === undefined ? '' : `<div><dt>${escape(label)}</dt><dd>${escape(formatNumber(value, report.locale))}${escape(detail)}</dd></div>`;
  // Each card says what it counts, and the comparison says which period it is against.
  const previous = s.period?.previous ?? w.columns.previousYear;
  const summary = `<dl class="summary">
    ${card(w.firstAndKnowledge, s.total, change(s.changePercent))}
    ${card(w.kindRows.first_contact, s.firstContactsFromIndividuals)}
    ${card(w.kindRows.knowledge_request, s.knowledgeRequests)}
    ${card(w.followUpCases, s.followUpCases)}
    ${card(w.allContacts, s.allContacts, change(s.allChangePercent))}
    ${card(`${w.firstAndKnowledge}: ${previous}`, s.previousTotal)}
  </dl>`;
  return `<!doctype html>
<html lang="${report.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${report.suppressed ? '' : `${escape(w.internalBanner.split(' –')[0])}: `}${escape(report.helplineName)} – ${escape(fill(w.reportTitle, { year: report.year }))}</title>
<style>
  ${REPORT_PAGE_CSS}
  .summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .5rem; } .summary div { border: 1px solid #ddd; padding: .5rem; }
  .summary dt { font-size: .85rem; color: #555; } .summary dd { margin: 0; font-size: 1.4rem; font-weight: bold; }
  .note, .no-chart { font-size: .85rem; color: #444; } .banner { background: #fff4e5; padding: .5rem; border-left: 4px solid #8a5a00; }
  .banner.internal { background: #fde8e8; border-left-color: #c8102e; font-weight: bold; }
  /* Each chart is drawn for a wide column and for a phone; the column's width picks the drawing. */
  .table-scroll { overflow-x: auto; } figure { margin: .5rem 0; } .report-chart { container-type: inline-size; }
  .report-chart svg { display: block; width: 100%; height: auto; } .report-chart .chart-narrow { display: none; max-width: 30rem; }
  @container (max-width: 679px) { .report-chart .chart-wide { display: none; } .report-chart .chart-narrow { display: block; } }
  /* A4 with the helpline, the year and the page number on every page; a heading stays with what
     follows it, and a chart, a table row and the key figures are never split across pages. */
  @page {
    size: A4; margin: 18mm 14mm 16mm;
    @top-left { content: ${cssString(`${report.suppressed ? '' : `${w.internalBanner.split(' –')[0]} · `}${report.helplineName} · ${fill(w.reportTitle, { year: report.year })}`)}; font: 9pt Arial, sans-serif; color: #444; }
    @bottom-right { content: ${cssString(cw.page[0])} counter(page) ${cssString(cw.page[1])} counter(pages); font: 9pt Arial, sans-serif; color: #444; }
  }
  @media print {
    body { margin: 0; max-width: none; padding: 0; font-size: 10pt; } a { display: none; } .table-scroll { overflow: visible; }
    h1, h2 { break-after: avoid; } figure, .no-chart, .summary, tr { break-inside: avoid; }
    .report-chart svg { max-height: 235mm; } /* a chart taller than a page shrinks to fit one */
    .note { orphans: 2; widows: 2; } .banner { print-color-adjust: exact; }
  }
</style></head>
<body><main>
<h1>${escape(report.helplineName)}</h1>
<p>${escape(fill(w.reportTitle, { year: report.year }))}</p>
${report.demoContacts ? `<p class="banner" role="note">${escape(fill(w.demoBanner, { n: formatNumber(report.demoContacts, report.locale) }))}</p>` : ''}
${report.suppressed ? `<p class="banner">${escape(w.suppressedBanner)}</p>` : `<p class="banner internal" role="note">${escape(w.internalBanner)}</p>`}
${summary}
${report.tables.map((t) => tableHtml(t, report.locale)).join('\n')}
<p class="note">${escape(fill(w.generated, { date: now.toISOString().slice(0, 10) }))}</p>
</main></body></html>`;
}
