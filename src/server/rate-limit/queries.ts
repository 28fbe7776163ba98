import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/**
 * Counts one request against a key in one statement, so requests to any node, at the same
 * moment, each get their own number: the row's count goes up by one, or starts again from one
 * when its window has ended. Times are the database's clock, the one clock all nodes share.
 * Returns the count including this request and the milliseconds left in its window.
 */
export async function countHit(db: Db, key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    INSERT INTO rate_limit_hits AS r (key, hits, resets_at)
    VALUES (${key}, 1, now() + make_interval(secs => ${windowMs / 1000}))
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.resets_at <= now() THEN 1 ELSE r.hits + 1 END,
      resets_at = CASE WHEN r.resets_at <= now() THEN excluded.resets_at ELSE r.resets_at END
    RETURNING r.hits, GREATEST(0, ceil(extract(epoch FROM r.resets_at - now()) * 1000))::integer AS ttl_ms`.execute(db);
  return { hits: rows[0].hits, ttlMs: rows[0].ttl_ms };
}

/** Deletes the counts of windows that have ended: they would start again from one anyway. */
export async function forgetEndedWindows(db: Db): Promise<number> {
  const result = await db.deleteFrom('rate_limit_hits').where('resets_at', '<', sql<Date>`now()`).executeTakeFirst();
  return Number(result.numDeletedRows);
}
