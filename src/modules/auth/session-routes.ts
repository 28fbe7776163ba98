import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { SESSION_COOKIE, actorOf } from '../../server/plugins/access.js';
import { extendSession } from './service.js';

export async function sessionRoutes(app: FastifyInstance) {
  const r = typed(app);
  // "Stay signed in" in the web app's warning: restarts the idle timer (not the absolute lifetime).
  r.post('/auth/session/extend', { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 204: z.null() } } }, async (request, reply) => {
    const user = actorOf(request);
    await extendSession(app.db, request.cookies[SESSION_COOKIE] ?? '');
    if (user.endsAt) {
      const absolute = user.endsAt.absolute;
      request.user = { ...user, endsAt: { idle: Math.min(Date.now() + app.config.sessionIdleMs, absolute), absolute } };
    }
    return reply.status(204).send(null);
  });
}
