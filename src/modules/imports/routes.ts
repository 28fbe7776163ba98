import type { FastifyInstance } from 'fastify';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { requestLocale } from '../../server/plugins/locale.js';
import { snapshotFor } from '../contacts/service.js';
import { CONTENT_TYPES } from './columns.js';
import { FileResponse, ImportQuery, ImportResponse, TemplateQuery } from './schema.js';
import { importContacts } from './service.js';
import { templateTable } from './template.js';
import { writeTable } from './write-table.js';

/** The raw file is the request body; these parsers hand it over untouched (only inside this plugin). */
const FILE_TYPES = ['text/csv', CONTENT_TYPES.xlsx, 'application/octet-stream'];

export async function importRoutes(app: FastifyInstance) {
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  const r = typed(app);

  r.post('/imports', {
    config: { access: 'contact.import' },
    bodyLimit: 50 * 1024 * 1024, // files of historical years: the one route above the global 1 MB
    schema: { tags: ['imports'], querystring: ImportQuery, response: { 200: ImportResponse } },
  }, async (request) => {
    const raw = request.body;
    const body = Buffer.isBuffer(raw) ? raw : typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.alloc(0);
    const { helplineId, format, fileName } = request.query;
    return importContacts(app.db, actorOf(request), { helplineId, format, fileName, body, locale: requestLocale(request) });
  });

  r.get('/imports/template', {
    config: { access: 'contact.import' },
    schema: { tags: ['imports'], querystring: TemplateQuery, produces: [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx], response: { 200: FileResponse } },
  }, async (request, reply) => {
    const { format, helplineId } = request.query;
    const snapshot = await snapshotFor(app.db, actorOf(request), helplineId);
    const file = await writeTable(templateTable(snapshot), format);
    reply.header('content-disposition', `attachment; filename="brobygger-import-${snapshot.id}.${format}"`);
    return reply.type(CONTENT_TYPES[format]).send(file);
  });
}
