import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { fieldLabel, formatMessage } from '../../shared/i18n/messages.js';
import { requestLocale } from './locale.js';
import { errorCodeOf } from '../../shared/validation-codes.js';

interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  details?: unknown;
}

interface ZodValidationItem {
  keyword: string;
  instancePath: string;
  message: string;
  params?: { keys?: string[] };
}

/** Maps every error to `{ code, message, field? }` in the user's language; never leaks internals. */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply) => {
      const locale = requestLocale(request);
      const send = (status: number, body: ErrorBody) => reply.status(status).send(body);

      if (error instanceof AppError) {
        const field = error.field;
        const params = { ...error.params, ...(field ? { field: fieldLabel(locale, field) } : {}) };
        return send(error.status, { code: error.code, message: formatMessage(locale, error.code, params), field, details: error.details });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const first = error.validation[0] as unknown as ZodValidationItem;
        const segments = first.instancePath.split('/').filter(Boolean);
        if (first.keyword === 'unrecognized_keys' && first.params?.keys?.length) segments.push(first.params.keys[0]);
        const context = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
        const source = (request as unknown as Record<string, unknown>)[context];
        const given = segments.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), source);
        const code = errorCodeOf(first.keyword, given === undefined, first.message);
        const field = segments.join('.') || (error.validationContext ?? 'body');
        return send(400, { code, field, message: formatMessage(locale, code, { field: fieldLabel(locale, field) }) });
      }
      if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error.statusCode === 400 && error instanceof SyntaxError)) {
        return send(400, { code: 'invalid_json', message: formatMessage(locale, 'invalid_json') });
      }
      if (error.statusCode === 429) return send(429, { code: 'rate_limited', message: formatMessage(locale, 'rate_limited') });
      if (error.statusCode === 413) return send(413, { code: 'body_too_large', field: 'body', message: formatMessage(locale, 'body_too_large') });
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        // Fastify's own client errors (bad content type, body too large…): say what, not how.
        const code = error.statusCode === 404 ? 'not_found' : 'invalid_value';
        return send(error.statusCode, { code, field: 'body', message: formatMessage(locale, code, { field: fieldLabel(locale, 'body') }) });
      }
      request.log.error({ err: error, reqId: request.id }, 'unhandled error');
      return send(500, { code: 'internal', message: formatMessage(locale, 'internal') });
    });
    app.setNotFoundHandler((request, reply) => {
      reply.status(404).send({ code: 'not_found', message: formatMessage(requestLocale(request), 'not_found') });
    });
  },
  { name: 'errors', dependencies: ['locale'] },
);
