import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

const FOLD_LOCK = 727_002; // advisory lock id: one folder at a time across nodes
const key = sql.raw('helpline_id, year, month, kind, dimension, k1, k2');

/**
 * Moves the appended count deltas into contact_counts, in one statement: rows committed while it
 * runs are not visible to its DELETE and wait for the next fold. Returns the rows moved.
 */
export async function foldCountDeltas(db: Db): Promise<number> {
  return (await foldCountDeltasRun(db)).moved;
}

/** The same, saying whether another node held the fold's lock (then nothing was folded here). */
export async function foldCountDeltasRun(db: Db): Promise<{ moved: number; lockHeld: boolean }> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${FOLD_LOCK}) AS locked`.execute(trx);
    if (!rows[0]?.locked) return { moved: 0, lockHeld: true };
    const result = await sql`
      WITH moved AS (DELETE FROM contact_count_deltas RETURNING *)
      INSERT INTO contact_counts AS c (${key}, n)
      SELECT ${key}, sum(n)::int FROM moved GROUP BY ${key} ORDER BY ${key}
      ON CONFLICT (${key}) DO UPDATE SET n = c.n + EXCLUDED.n`.execute(trx);
    const moved = Number(result.numAffectedRows ?? 0);
    // Folded counts changed: every node's kept sums of them are out of date (queries.ts).
    if (moved) await sql`UPDATE contact_count_folds SET generation = generation + 1`.execute(trx);
    return { moved, lockHeld: false };
  });
}
