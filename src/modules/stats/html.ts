import type { Report, ReportTable } from '../../shared/schemas/stats.js';
import { REPORT_WORDS, fill, formatNumber } from '../../shared/i18n/report-labels.js';
import type { Locale } from '../../shared/enums.js';

const escape = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function tableHtml(t: ReportTable, locale: Locale): string {
  const head = `<tr><th scope="col"></th>${t.columns.map((c) => `<th scope="col">${escape(c)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r) => `<tr${r.key === 'total' ? ' class="total"' : ''}><th scope="row">${escape(r.label)}</th>${r.values.map((v) => `<td>${escape(formatNumber(v, locale))}</td>`).join('')}</tr>`)
    .join('');
  const chart = t.chartSvg ? `<figure role="img" aria-label="${escape(t.title)}">${t.chartSvg}</figure>` : '';
  const note = t.note ? `<p class="note">${escape(t.note)}</p>` : '';
  return `<section><h2>${escape(t.title)}</h2>${chart}<table><thead>${head}</thead><tbody>${body}</tbody></table>${note}</section>`;
}

/** A self-contained printable report page (charts inline as SVG, no script). */
export function reportHtml(report: Report, now = new Date()): string {
  const w = REPORT_WORDS[report.locale];
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
  body { font-family: Inter, Arial, sans-serif; color: #1a1a1a; max-width: 760px; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #c8102e; }
  table { border-collapse: collapse; width: 100%; margin-top: .5rem; } th, td { padding: .25rem .5rem; border-bottom: 1px solid #ddd; text-align: right; }
  th[scope=row], thead th:first-child { text-align: left; font-weight: normal; } tr.total th, tr.total td { font-weight: bold; }
  .summary { display: grid; grid-template-columns: repeat(3, 1fr); gap: .5rem; } .summary div { border: 1px solid #ddd; padding: .5rem; }
  .summary dt { font-size: .85rem; color: #555; } .summary dd { margin: 0; font-size: 1.4rem; font-weight: bold; }
  .note { font-size: .85rem; color: #444; } .banner { background: #fff4e5; padding: .5rem; border-left: 4px solid #8a5a00; }
  .banner.internal { background: #fde8e8; border-left-color: #c8102e; font-weight: bold; }
  figure { margin: .5rem 0; } svg { max-width: 100%; height: auto; }
  section { break-inside: avoid; } @media print { body { margin: 0; } a { display: none; } }
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
