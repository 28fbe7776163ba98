import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { PasswordResetBody } from '../../shared/schemas/users.js';
import { resetPassword } from './password-reset.js';

export async function passwordResetRoutes(app: FastifyInstance) {
  const r = typed(app);
  // Public: the person holding a reset link is not signed in. The token is the credential;
  // rate-limited like login so tokens cannot be guessed at speed (they are 256 bits anyway).
  r.post('/password-reset', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['users'], body: PasswordResetBody, response: { 204: z.null() } },
  }, async (request, reply) => {
    await resetPassword(app.db, request.body.token, request.body.password);
    return reply.status(204).send(null);
  });
}
