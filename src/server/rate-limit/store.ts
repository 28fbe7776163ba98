import crypto from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../../db/connection.js';
import { AppError } from '../errors.js';
import { countHit, forgetEndedWindows } from './queries.js';

/**
 * A store for @fastify/rate-limit that keeps every count in the database (`rate_limit_hits`), so
 * that all nodes on one database share each route's limit and a restart forgets nothing
 * (docs/decisions/0025). The plugin makes one store with `new Store(globalOptions)` and asks it
 * for a `child(routeOptions)` per route with its own `config.rateLimit`; each child counts under
 * its route's method and URL, or under its group when routes share one limit.
 */

type IncrCallback = (err: Error | null, result?: { current: number; ttl: number }) => void;

/** What the plugin really passes (its merged options with `routeInfo`; its typings say less). */
interface RouteOptions {
  /** Routes with the same group share one count (src/server/rate-limit/public-reads.ts). */
  groupId?: string;
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  routeInfo?: { method?: string | string[]; url?: string };
}

/** Ended windows are swept at most this often per node (and by the hourly retention job). */
const SWEEP_EVERY_MS = 60_000;

/**
 * The row key: SHA-256 of the route and the client key (the address, or its /64 for IPv6), so the
 * table never holds an address in clear. (An IPv4 address can still be found by hashing every
 * address; what protects it is that the row is gone a minute or so after its window ends.)
 */
export function rateLimitKey(route: string, clientKey: string): string {
  return crypto.createHash('sha256').update(`${route}\n${clientKey}`).digest('hex');
}

export interface SharedStoreOptions {
  /** Told when the database could not count a request (the request is answered 503). */
  onError: (err: unknown) => void;
}

/** The store class to give @fastify/rate-limit as `store`, bound to a database. */
export function sharedRateLimitStore(db: Db, options: SharedStoreOptions): FastifyRateLimitStoreCtor {
  let lastSweep = 0;
  const sweep = async () => {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    await forgetEndedWindows(db);
  };

  class SharedRateLimitStore implements FastifyRateLimitStore {
    readonly route: string;

    constructor(given: object = {}) {
      const routeOptions = given as RouteOptions;
      // The database counts plain fixed windows; the plugin's other modes would be silently ignored.
      if (routeOptions.continueExceeding || routeOptions.exponentialBackoff) {
        throw new Error('the shared rate-limit store counts fixed windows: continueExceeding and exponentialBackoff are not supported');
      }
      const { method, url } = routeOptions.routeInfo ?? {};
      this.route = routeOptions.groupId ? `group ${routeOptions.groupId}` : `${[method ?? ''].flat().join(',')} ${url ?? ''}`;
    }

    incr(clientKey: string, callback: IncrCallback, timeWindow: number, _max: number): void {
      sweep()
        .then(() => countHit(db, rateLimitKey(this.route, clientKey), timeWindow))
        .then(
          ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
          (err: unknown) => {
            // Without the database no limited route could answer anyway: a clear 503, not a 500.
            options.onError(err);
            callback(new AppError(503, 'unavailable'));
          },
        );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): SharedRateLimitStore {
      return new SharedRateLimitStore(routeOptions);
    }
  }
  return SharedRateLimitStore;
}
