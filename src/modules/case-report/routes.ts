import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { requestLocale } from '../../server/plugins/locale.js';
import { notFound } from '../../server/errors.js';
import { CaseReport, CaseReportQuery } from '../../shared/schemas/case-report.js';
import { REPORT_WORDS } from '../../shared/i18n/report-labels.js';
import { tableCsv, tableXlsx } from '../stats/table-export.js';
import { caseReport } from './service.js';
import { caseReportHtml } from './html.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Q = z.infer<typeof CaseReportQuery>;
const requestOf = (request: FastifyRequest, q: Q) => ({ helplineId: q.helplineId, year: q.year, locale: q.lang ?? requestLocale(request), suppress: q.suppress !== 'false' });

/** The follow-up report (issue 9 point 7): the same views, printable page and downloads as the helpline's. */
export async function caseReportRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/stats/cases/report', {
    config: { access: 'stats.read' },
    schema: { tags: ['stats'], querystring: CaseReportQuery, response: { 200: CaseReport } },
  }, async (request) => caseReport(app.db, actorOf(request), requestOf(request, request.query)));

  r.get('/stats/cases/report.html', {
    config: { access: 'stats.read' },
    schema: { tags: ['stats'], querystring: CaseReportQuery, produces: ['text/html'] },
  }, async (request, reply) => reply.type('text/html; charset=utf-8').send(caseReportHtml(await caseReport(app.db, actorOf(request), requestOf(request, request.query)))));

  const TableQuery = CaseReportQuery.extend({ table: z.string().regex(/^[a-z_]{2,30}$/) });
  for (const format of ['csv', 'xlsx'] as const) {
    r.get(`/stats/cases/table.${format}`, {
      config: { access: 'stats.read' },
      schema: { tags: ['stats'], querystring: TableQuery, produces: [format === 'csv' ? 'text/csv' : XLSX] },
    }, async (request, reply) => {
      const report = await caseReport(app.db, actorOf(request), requestOf(request, request.query));
      const table = report.tables.find((t) => t.id === request.query.table);
      if (!table) throw notFound();
      const words = REPORT_WORDS[report.locale];
      reply.header('content-disposition', `attachment; filename="${report.helplineId}-${report.year}-cases-${table.id}${report.suppressed ? '-published' : '-INTERNAL'}.${format}"`);
      // An internal export says so in its first line, so a copied file cannot pass for the published one.
      const marked = report.suppressed ? table : { ...table, title: `${words.internalBanner} ${table.title}` };
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(tableCsv(marked, words.columns.category, !report.suppressed));
      return reply.type(XLSX).send(await tableXlsx(marked, words.columns.category, !report.suppressed));
    });
  }
}
