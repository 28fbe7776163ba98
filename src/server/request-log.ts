import type { FastifyInstance } from 'fastify';
import { httpDuration } from './metrics/registry.js';

/** Requests nobody needs a line for: load balancers ask for health every few seconds, Prometheus for metrics. */
const QUIET = new Set(['/healthz', '/metrics']);

/**
 * One log line per request, written when it is answered (Fastify's own logging wrote two), and
 * none for health checks and metrics; every request's time goes into the route's histogram. The
 * route is its pattern (`/api/contacts/:id`), never the address with ids or a query.
 */
export function logAndTimeRequests(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    httpDuration.observe({ method: request.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` }, seconds);
    if (!QUIET.has(route)) request.log.info({ req: request, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
    done();
  });
}
