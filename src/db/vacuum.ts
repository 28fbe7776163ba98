import { sql } from 'kysely';
import type { Db } from './connection.js';
import { engineOf } from './connection.js';

/**
 * Tables whose rows are deleted or rewritten all day: count deltas (folded away every few
 * seconds), counts (added to by each fold), audit rows (each rewritten once when sealed), and the
 * short-lived sign-in and request-limit rows. Their dead row versions stay in the table until a
 * VACUUM, and every read walks past them.
 */
export const CHURN_TABLES = ['contact_count_deltas', 'contact_counts', 'audit_log', 'sessions', 'login_failures', 'rate_limit_hits', 'import_jobs', 'sign_in_challenges', 'passkey_challenges'] as const;

/** VACUUM (ANALYZE) each table, one at a time (never inside a transaction). */
export async function vacuum(db: Db, tables: readonly string[]): Promise<void> {
  for (const table of tables) await sql`VACUUM (ANALYZE) ${sql.table(table)}`.execute(db);
}

/** Rows folded away since the deltas table was last vacuumed, per database. */
const foldedSinceVacuum = new WeakMap<Db, number>();
const DELTAS_VACUUM_ROWS = 10_000;

/**
 * After a fold: once 10 000 deltas have been folded away, the deltas table is vacuumed at once.
 * Each report reads that table whole; after an import of 100 000 rows or a bulk load it held
 * hundreds of thousands of dead rows, and a report took 43 ms of the server instead of 1 ms until
 * autovacuum came by (about a minute on PostgreSQL; never on PGlite, which has no autovacuum).
 */
export async function vacuumDeltasAfterFold(db: Db, moved: number): Promise<boolean> {
  const total = (foldedSinceVacuum.get(db) ?? 0) + moved;
  if (total < DELTAS_VACUUM_ROWS) {
    foldedSinceVacuum.set(db, total);
    return false;
  }
  foldedSinceVacuum.set(db, 0);
  await vacuum(db, ['contact_count_deltas']);
  return true;
}

/** PGlite has no autovacuum: the node vacuums the tables that churn (hourly, with retention). */
export async function vacuumChurnOnPglite(db: Db): Promise<void> {
  if (engineOf(db) === 'pglite') await vacuum(db, CHURN_TABLES);
}
