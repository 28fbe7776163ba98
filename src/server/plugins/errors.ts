import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { fieldLabel, formatMessage } from '../../shared/i18n/messages.js';
import { requestLocale } from './locale.js';

interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  details?: unknown;
}

function zodIssueCode(issue: { code?: string; input?: unknown; keyword?: string; params?: any }): string {
  const code = issue.code ?? issue.params?.issue?.code ?? issue.keyword;
  if (code === 'invalid_type' && (issue.params?.issue?.input === undefined)) return 'required';
  if (code === 'unrecognized_keys') return 'unknown_field';
  if (['invalid_type', 'too_small', 'too_big', 'invalid_value', 'invalid_format', 'invalid_union'].includes(code)) {
    return code === 'invalid_union' ? 'invalid_value' : code;
  }
  return 'invalid_value';
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
        const first = error.validation[0] as any;
        const zodIssue = first.params?.issue ?? first;
        let path: string = (zodIssue.path ?? []).join('.') || String(first.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
        if (zodIssue.code === 'unrecognized_keys' && zodIssue.keys?.length) path = [path, zodIssue.keys[0]].filter(Boolean).join('.');
        const code = zodIssueCode({ code: zodIssue.code, params: first.params });
        const field = path || (error.validationContext ?? 'body');
        return send(400, { code, field, message: formatMessage(locale, code, { field: fieldLabel(locale, field) }) });
      }
      if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error.statusCode === 400 && error instanceof SyntaxError)) {
        return send(400, { code: 'invalid_json', message: formatMessage(locale, 'invalid_json') });
      }
      if (error.statusCode === 429) return send(429, { code: 'rate_limited', message: formatMessage(locale, 'rate_limited') });
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
