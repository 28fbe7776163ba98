import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/app.js';

/**
 * Every response carries the security headers, the same on an API answer, an error and a refusal.
 * Expected values: our Content-Security-Policy (src/server/app.ts) and helmet's documented defaults.
 */
const ctx = useTestApp();

/** Our directives, then helmet's defaults for the rest, in any order. */
const policy = [
  "default-src 'self'", "img-src 'self' data:", "style-src 'self' 'unsafe-inline'", "script-src 'self'",
  "base-uri 'self'", "font-src 'self' https: data:", "form-action 'self'", "frame-ancestors 'self'", "object-src 'none'",
  "script-src-attr 'none'", 'upgrade-insecure-requests',
];
const expected = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('security headers', () => {
  it('are on a public answer, a request without a session, a refusal and a signed-in answer alike', async () => {
    const { t } = ctx;
    const counsellor = await t.as('counsellor');
    const answers = [
      await t.app.inject({ method: 'GET', url: '/healthz' }),
      await t.app.inject({ method: 'GET', url: '/api/contacts' }),
      await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: counsellor.cookie } }),
      await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: counsellor.cookie } }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 403, 200]);
    for (const answer of answers) {
      for (const [name, value] of Object.entries(expected)) expect(answer.headers[name], `${name} on ${answer.statusCode}`).toBe(value);
      expect(String(answer.headers['content-security-policy']).split(';').sort()).toEqual([...policy].sort());
      expect(answer.headers['x-powered-by']).toBeUndefined();
    }
  });
});
