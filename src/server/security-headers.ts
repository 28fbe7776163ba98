import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets with these options, as name and value. Ours depend on nothing in the
 * request (no nonces), so running helmet once against a recording response gives every header it
 * would set on any response.
 */
export function helmetHeaders(options: HelmetOptions): [string, string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  };
  let failed: unknown = null;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => { failed = err ?? null; });
  if (failed) throw failed;
  if (!headers.size) throw new Error('helmet set no headers: its middleware may have become asynchronous');
  return [...headers];
}

/**
 * The public "find help" page's own, stricter headers (issue 10 point 6): its scripts, styles,
 * images and requests come from this server only, nothing may frame it or take a form elsewhere,
 * and it is never stored (no-store: Back after quick exit has no copy of it to show).
 */
export const FIND_HELP_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'",
    "manifest-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "object-src 'none'",
  ].join('; '),
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Whether a page address is the "find help" page. */
export const isFindHelpPage = (url: string) => /^\/hjelp(?:[/?#]|$)/.test(url);
