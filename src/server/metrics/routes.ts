import type { FastifyInstance } from 'fastify';
import { collectProcessMetrics, metrics } from './registry.js';

/** `GET /metrics` in Prometheus's text format, for the operator's token only (docs/operations.md "Metrics"). */
export async function metricsRoutes(app: FastifyInstance) {
  if (app.config.metricsToken) collectProcessMetrics();
  app.get('/metrics', { config: { access: 'metrics-token' }, schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', metrics.contentType).header('cache-control', 'no-store');
    return metrics.metrics();
  });
}
