import type { DestinationStream, LoggerOptions } from 'pino';

/**
 * What the server, its background jobs and the CLI write to their logs: never a summary, a name,
 * an e-mail or a password, whatever a database error carries.
 *
 * A database error is where personal data slips in: PGlite attaches the query's parameters to its
 * errors (`params`: the summary being saved), PostgreSQL's `detail` repeats the failing row
 * ("Failing row contains (…)") or key, `where` quotes the COPY line, and some messages end with
 * the offending value (`invalid input syntax for type uuid: "…"`). Only the parts that locate the
 * problem are kept: SQLSTATE code, table, column, constraint and the message up to its value.
 */

// Fields of a pg / PGlite DatabaseError that name where the problem is, never what was in it.
const DB_FIELDS_KEPT = ['severity', 'table', 'column', 'constraint', 'schema', 'dataType', 'routine'] as const;
const MAX_CAUSES = 5;

type Serialized = Record<string, unknown>;

function isDatabaseError(err: Error): boolean {
  const e = err as unknown as Record<string, unknown>;
  return typeof e.severity === 'string' || 'params' in e || (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
}

/** A message without the value PostgreSQL (or a JSON parser) quotes after a colon. */
function withoutQuotedValue(message: string): string {
  const cut = message.search(/:\s*["'`]/);
  return cut === -1 ? message : `${message.slice(0, cut)}: [value removed]`;
}

function safeMessage(err: Error): string {
  const message = String(err.message ?? '');
  // JSON.parse and friends quote the input they choked on.
  return isDatabaseError(err) || err instanceof SyntaxError ? withoutQuotedValue(message) : message;
}

/** The error as it may be logged: type, a safe message, a stack without the original message, and where. */
export function serializeError(value: unknown, depth = 0): Serialized {
  if (!(value instanceof Error)) return { type: typeof value, message: '[not an Error: not logged]' };
  const err = value as Error & Record<string, unknown>;
  const message = safeMessage(err);
  const out: Serialized = { type: err.constructor?.name ?? err.name, message };
  if (typeof err.stack === 'string') {
    // The stack's first line repeats the message; everything after it is code locations.
    const frames = err.stack.split('\n').filter((line) => /^\s+at /.test(line));
    out.stack = [`${err.name}: ${message}`, ...frames].join('\n');
  }
  if (typeof err.code === 'string' || typeof err.code === 'number') out.code = err.code;
  if (typeof err.statusCode === 'number') out.statusCode = err.statusCode;
  if (isDatabaseError(err)) {
    for (const key of DB_FIELDS_KEPT) if (typeof err[key] === 'string') out[key] = err[key];
  }
  if (depth < MAX_CAUSES && err.cause !== undefined) out.cause = serializeError(err.cause, depth + 1);
  if (depth < MAX_CAUSES && value instanceof AggregateError) out.errors = value.errors.slice(0, 10).map((e) => serializeError(e, depth + 1));
  return out;
}

/** One line for a terminal (the CLI), with the same care as the log. */
export function errorMessageForTerminal(value: unknown): string {
  return value instanceof Error ? safeMessage(value) : 'Unknown error';
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  id?: string;
}

/** Requests are logged without their query string: a search term is what a user typed. */
function serializeRequest(req: LoggedRequest): Serialized {
  return { method: req.method, url: (req.url ?? '').split('?')[0], remoteAddress: req.ip };
}

// Personal fields never reach the log, whatever a handler logs by mistake.
const REDACT = ['req.headers.cookie', 'req.headers.authorization', 'body.password', 'body.summary', '*.password', '*.summary', '*.email', '*.displayName', '*.params', '*.detail', 'body.code', '*.secret', '*.recoveryCodes'];

/** pino options for every logger of the app: the server's, and any the CLI makes. */
export function loggerOptions(level: string, stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    redact: REDACT,
    serializers: { err: serializeError, error: serializeError, req: serializeRequest },
    ...(stream ? { stream } : {}),
  };
}
