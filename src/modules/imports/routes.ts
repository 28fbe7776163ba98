import type { FastifyInstance } from 'fastify';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { requestLocale } from '../../server/plugins/locale.js';
import { AppError, notFound } from '../../server/errors.js';
import { snapshotFor } from '../contacts/service.js';
import { CONTENT_TYPES } from './columns.js';
import {
  BatchListQuery, BatchParams, FileResponse, ImportBatch, ImportQuery, ImportResponse, JobParams, JobResponse, TemplateQuery,
} from './schema.js';
import { importContacts } from './service.js';
import { templateTable } from './template.js';
import { writeTable } from './write-table.js';
import { jobProgress } from './progress.js';
import { importBatches, undoBatch } from './undo.js';
import { z } from 'zod';

/**
 * The raw file is the request body; these parsers hand it over untouched (only inside this
 * plugin). `text/plain` is not among them: a form on another site can send it with the
 * administrator's cookie and no preflight, so it is refused.
 */
const FILE_TYPES = ['text/csv', CONTENT_TYPES.xlsx, 'application/octet-stream'];

/** Imports of earlier years can be large: this route keeps its own body limit (others ~1 MB). */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

export async function importRoutes(app: FastifyInstance) {
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
  const r = typed(app);

  r.post('/imports', {
    config: { access: 'contact.import' },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags: ['imports'], querystring: ImportQuery, response: { 200: ImportResponse } },
  }, async (request) => {
    const raw = request.body;
    if (!Buffer.isBuffer(raw)) throw new AppError(415, 'import_content_type');
    const { helplineId, format, fileName, confirmDuplicate, jobId } = request.query;
    return importContacts(app.db, actorOf(request), { helplineId, format, fileName, body: raw, locale: requestLocale(request), confirmDuplicate, jobId });
  });

  r.get('/imports/jobs/:jobId', {
    config: { access: 'contact.import' },
    schema: { tags: ['imports'], params: JobParams, response: { 200: JobResponse } },
  }, async (request) => {
    const job = await jobProgress(app.db, request.params.jobId, actorOf(request).id);
    if (!job) throw notFound();
    return { phase: job.phase, checked: job.checked, loaded: job.loaded };
  });

  r.get('/imports/batches', {
    config: { access: 'contact.import' },
    schema: { tags: ['imports'], querystring: BatchListQuery, response: { 200: z.array(ImportBatch) } },
  }, async (request) => importBatches(app.db, actorOf(request), request.query.helplineId));

  r.post('/imports/batches/:batchId/undo', {
    config: { access: 'contact.import' },
    schema: { tags: ['imports'], params: BatchParams, response: { 200: ImportBatch } },
  }, async (request) => undoBatch(app.db, actorOf(request), request.params.batchId));

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
