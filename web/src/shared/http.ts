/** A small fetch helper: same-origin cookies, JSON in and out, errors as ApiError. */
import { currentLocale } from '../i18n/index.js';
import { noteSessionHeaders } from './session-clock.js';

export interface ApiErrorBody {
  code?: string;
  message?: string;
  field?: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? 'error';
    this.field = body.field;
    this.details = body.details;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** Builds `/api/...?a=1&b=2`, leaving out empty values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  /** A raw body (e.g. a file) with its content type. */
  raw?: { data: Blob | ArrayBuffer; contentType: string };
  signal?: AbortSignal;
}

/**
 * Asked when a signed-in request finds the session gone: resolves true once the user has signed in
 * again (in a dialog on the same page), false if they would rather not. Set by the signed-in layout.
 */
type Reauthenticate = () => Promise<boolean>;
let reauthenticate: Reauthenticate | null = null;

export function setReauthenticate(handler: Reauthenticate | null): void {
  reauthenticate = handler;
}

// Requests whose 401 means what it says (wrong password, no session yet), never "sign in again".
const NO_REAUTH = [
  '/api/auth/login', '/api/auth/logout', '/api/setup', '/api/password-reset',
  // The second step of sign-in answers 401 when the pending sign-in has run out: start over instead.
  '/api/auth/second-factor/verify', '/api/auth/second-factor/enrolment', '/api/auth/second-factor/enrolment/confirm',
];

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (err) {
    // The session ended while the user was working: sign in on the same page, then send the very
    // same request again, so what they typed (kept in React state only) is saved, not lost.
    if (isApiError(err) && err.status === 401 && err.code === 'unauthenticated' && reauthenticate && !NO_REAUTH.includes(path)) {
      if (await reauthenticate()) return send<T>(path, options);
    }
    throw err;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  // The server records contacts sent by the web app as registered through the form.
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // Before login the server knows the user's language only from this header.
    'Accept-Language': currentLocale(),
    'X-Brobygger-Client': 'web',
  };
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType;
    body = options.raw.data;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body,
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'network', message: undefined });
  }
  noteSessionHeaders(res.headers);
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) throw new ApiError(res.status, (data as ApiErrorBody | undefined) ?? {});
  return data as T;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>(path, { method: 'POST', body, query }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
