import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { requestLocale } from '../../server/plugins/locale.js';
import { Report, ReportQuery } from '../../shared/schemas/stats.js';
import { REPORT_WORDS } from '../../shared/i18n/report-labels.js';
import { notFound } from '../../server/errors.js';
import { annualReport } from './service.js';
import { reportHtml } from './html.js';
import { tableCsv, tableXlsx } from './table-export.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Q = z.infer<typeof ReportQuery>;
const requestOf = (request: FastifyRequest, q: Q, charts: boolean) => ({
  helplineId: q.helplineId,
  year: q.year,
  suppress: q.suppress === 'true',
  locale: q.lang ?? requestLocale(request),
  charts,
});

export async function statsRoutes(app: FastifyInstance) {
  const r = typed(app);

  // Numbers only unless asked: the dashboard draws its charts in the browser (decision 0026).
  r.get('/stats/report', {
    config: { access: 'stats.read' },
    schema: { tags: ['stats'], querystring: ReportQuery.extend({ charts: z.enum(['true', 'false']).default('false') }), response: { 200: Report } },
  }, async (request) => annualReport(app.db, actorOf(request), requestOf(request, request.query, request.query.charts === 'true')));

  r.get('/stats/report.html', {
    config: { access: 'stats.read' },
    schema: { tags: ['stats'], querystring: ReportQuery, produces: ['text/html'] },
  }, async (request, reply) => {
    const report = await annualReport(app.db, actorOf(request), requestOf(request, request.query, true));
    return reply.type('text/html; charset=utf-8').send(reportHtml(report));
  });

  const TableQuery = ReportQuery.extend({ table: z.string().regex(/^[a-z_]{2,30}$/) });
  for (const format of ['csv', 'xlsx'] as const) {
    r.get(`/stats/table.${format}`, {
      config: { access: 'stats.read' },
      schema: { tags: ['stats'], querystring: TableQuery, produces: [format === 'csv' ? 'text/csv' : XLSX] },
    }, async (request, reply) => {
      const q = request.query;
      const report = await annualReport(app.db, actorOf(request), requestOf(request, q, false));
      const table = report.tables.find((t) => t.id === q.table);
      if (!table) throw notFound();
      const header = REPORT_WORDS[report.locale].columns.category;
      const name = `${report.helplineId}-${report.year}-${table.id}${report.suppressed ? '-published' : '-INTERNAL'}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      // An internal export says so in its first line, so a copied file cannot pass for the published one.
      const marked = report.suppressed ? table : { ...table, title: `${REPORT_WORDS[report.locale].internalBanner} ${table.title}` };
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(tableCsv(marked, header, !report.suppressed));
      return reply.type(XLSX).send(await tableXlsx(marked, header, !report.suppressed));
    });
  }
}
