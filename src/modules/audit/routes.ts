import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { AppError } from '../../server/errors.js';
import { sealAudit } from './service.js';
import { AnchorFileError, anchorChunks, assertAnchorsReadable } from './anchor-file.js';
import { verifyAuditLog } from './anchor-check.js';

const AnchorCheckSchema = z.object({
  checked: z.number(),
  brokenAt: z.string().nullable(),
  writtenAt: z.string().nullable(),
  agreesUpTo: z.string().nullable(),
});

export async function auditRoutes(app: FastifyInstance) {
  typed(app).get('/audit/verify', {
    config: { access: 'audit.read' },
    schema: {
      tags: ['audit'],
      response: {
        200: z.object({
          ok: z.boolean(),
          sealed: z.number(),
          brokenAt: z.string().nullable(),
          // Only when AUDIT_ANCHOR_FILE is set: without anchors a re-hashed chain or a cut tail
          // verifies (decision 0024).
          anchors: AnchorCheckSchema.optional(),
        }),
      },
    },
  }, async (request) => {
    await sealAudit(app.db);
    const file = app.config.auditAnchorFile;
    try {
      if (file) await assertAnchorsReadable(file);
      return await verifyAuditLog(app.db, file ? anchorChunks(file) : undefined);
    } catch (err) {
      if (!(err instanceof AnchorFileError)) throw err;
      request.log.error({ err }, 'audit anchors file unreadable');
      throw new AppError(503, 'audit_anchors_unreadable');
    }
  });
}
