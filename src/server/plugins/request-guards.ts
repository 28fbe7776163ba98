import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, invalidField } from '../errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a state-changing request comes from our own pages. Every current browser sends `Origin`
 * on a POST, PUT, PATCH or DELETE (the string "null" when it will not say), and `Sec-Fetch-Site`
 * on every request; a request with neither does not come from a browser (curl, the benchmarks,
 * a script with its own session), and so cannot be a forgery riding on a user's cookie.
 */
export function fromOwnOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return allowedOrigins.includes(origin);
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  return true;
}

const MAX_DEPTH = 20;

/** The path (a.b.0) of the first string holding a NUL byte, which PostgreSQL cannot store; else undefined. */
export function nulBytePath(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : undefined;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || path.length > MAX_DEPTH) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.replace(/\u0000/g, '')].join('.');
    const found = nulBytePath(inner, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Guards every request, whatever route it reaches: state-changing requests only from our own
 * origin (403 `cross_origin`), no text with a NUL byte in a path parameter, query string or JSON
 * body (400 `invalid_characters` naming the field, instead of a database error), and no API
 * response kept in a browser or proxy cache (`Cache-Control: no-store`).
 */
export const requestGuardsPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request) => {
      if (STATE_CHANGING.has(request.method) && !fromOwnOrigin(request, app.config.allowedOrigins)) throw new AppError(403, 'cross_origin');
    });
    // After access's preParsing: an outsider is refused before anything is read.
    app.addHook('preValidation', async (request) => {
      for (const [source, fallback] of [[request.params, 'params'], [request.query, 'query'], [request.body, 'body']] as const) {
        const field = nulBytePath(source);
        if (field !== undefined) throw invalidField(field || fallback, 'invalid_characters');
      }
    });
    // onSend runs for every reply, errors and 404s included.
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'request-guards', dependencies: ['db', 'access'] },
);
