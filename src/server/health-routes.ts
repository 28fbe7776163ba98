import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { knownDamage } from '../db/integrity.js';

export async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    // Damage found by the hourly check or `brobygger check`: not healthy, whatever SELECT 1 says.
    if (knownDamage(app.db).length) return reply.status(503).send({ status: 'damaged' });
    try {
      await sql`SELECT 1`.execute(app.db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
}
