import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { CONTENT_TYPES, IMPORT_FORMATS } from '../imports/columns.js';
import { FileResponse } from '../imports/schema.js';
import { exportContacts } from './export-service.js';

export const ContactExportQuery = z.object({
  helplineId: z.string().min(2).max(60),
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(IMPORT_FORMATS).default('csv'),
  includeSummary: z.enum(['true', 'false']).default('false'),
});

/** Registered before contactRoutes; the static segment wins over `/contacts/:id` either way. */
export async function contactExportRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/contacts/export', {
    config: { access: 'contact.export' },
    schema: { tags: ['contacts'], querystring: ContactExportQuery, produces: [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx], response: { 200: FileResponse } },
  }, async (request, reply) => {
    const q = request.query;
    const { fileName, file } = await exportContacts(app.db, actorOf(request), { ...q, includeSummary: q.includeSummary === 'true' });
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return reply.type(CONTENT_TYPES[q.format]).send(file);
  });
}
