import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { sealAudit, verifyAuditChain } from './service.js';

export async function auditRoutes(app: FastifyInstance) {
  typed(app).get('/audit/verify', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], response: { 200: z.object({ ok: z.boolean(), sealed: z.number(), brokenAt: z.string().nullable() }) } },
  }, async () => {
    await sealAudit(app.db);
    return verifyAuditChain(app.db);
  });
}
