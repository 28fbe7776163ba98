import crypto from 'node:crypto';
import { notFound, unauthenticated } from '../errors.js';

/**
 * The rule of `access: 'metrics-token'`: the operator's METRICS_TOKEN as `Authorization: Bearer …`.
 * Without a configured token the endpoint does not exist (404): nothing is open by default.
 * Compared in constant time, as hashes, so neither the length nor a prefix leaks.
 */
export function checkMetricsToken(configured: string | undefined, header: string | undefined): void {
  if (!configured) throw notFound();
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const digest = (v: string) => crypto.createHash('sha256').update(v).digest();
  if (!crypto.timingSafeEqual(digest(given), digest(configured))) throw unauthenticated();
}
