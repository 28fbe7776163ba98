import { sql } from 'kysely';
import type { Db } from './connection.js';

/**
 * Checks that what the database holds is whole, using what the engine and the schema already keep
 * (docs/decisions/0010):
 *  - every table read in table order has as many rows as its index has entries. A table file cut
 *    short (lost pages) reads as fewer rows with no error; through the index the missing rows
 *    show up (or the read fails naming the missing block);
 *  - the contact counts the triggers keep add up to the contacts there are;
 *  - the sealed audit log has no gap in its sequence numbers.
 * Each check reads one snapshot, so it holds on a server that is being written to.
 */
export async function findDamage(db: Db): Promise<string[]> {
  const problems = await inspect(db);
  lastFound.set(db, problems);
  return problems;
}

/** What the last check of this database found ([] if whole or not checked yet): /healthz reads it. */
const lastFound = new WeakMap<Db, string[]>();
export const knownDamage = (db: Db): string[] => lastFound.get(db) ?? [];

async function inspect(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const tables = await sql<{ table: string; file: string; index: string | null; column: string | null }>`
    SELECT c.relname AS "table", pg_relation_filepath(c.oid) AS file,
      (SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
        WHERE x.indrelid = c.oid AND am.amname = 'btree' AND x.indpred IS NULL AND x.indkey[0] > 0 AND a.attnotnull
        ORDER BY x.indisprimary DESC, i.relname LIMIT 1) AS index,
      (SELECT a.attname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
        WHERE x.indrelid = c.oid AND am.amname = 'btree' AND x.indpred IS NULL AND x.indkey[0] > 0 AND a.attnotnull
        ORDER BY x.indisprimary DESC, i.relname LIMIT 1) AS column
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname`.execute(db);
  for (const t of tables.rows) {
    if (!t.index || !t.column) continue;
    try {
      await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
        await sql`SET LOCAL enable_indexscan = off`.execute(trx);
        await sql`SET LOCAL enable_indexonlyscan = off`.execute(trx);
        await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
        const inTable = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t.table)}`.execute(trx);
        await sql`SET LOCAL enable_indexscan = on`.execute(trx);
        await sql`SET LOCAL enable_indexonlyscan = on`.execute(trx);
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        const inIndex = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t.table)} WHERE ${sql.ref(t.column!)} IS NOT NULL`.execute(trx);
        const a = inTable.rows[0].n;
        const b = inIndex.rows[0].n;
        if (a !== b) problems.push(`table ${t.table} (file ${t.file}): ${a} rows read from the table, ${b} entries in its index ${t.index}`);
      });
    } catch (err) {
      problems.push(`table ${t.table} (file ${t.file}) cannot be read whole: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (problems.length) return problems; // the invariants below would only repeat what is broken
  const present = new Set(tables.rows.map((t) => t.table));
  if (!['contacts', 'contact_counts', 'contact_count_deltas', 'audit_log'].every((t) => present.has(t))) return problems; // not migrated yet

  await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const counts = await sql<{ contacts: number; counted: number }>`
      SELECT (SELECT count(*)::int FROM contacts) AS contacts,
        (SELECT coalesce(sum(n), 0)::int FROM (SELECT n FROM contact_counts WHERE dimension = 'total'
          UNION ALL SELECT n FROM contact_count_deltas WHERE dimension = 'total') AS t) AS counted`.execute(trx);
    const { contacts, counted } = counts.rows[0];
    if (contacts !== counted) problems.push(`contacts: ${contacts} rows, but the statistics count ${counted} contacts`);
    const chain = await sql<{ sealed: number; last: number | null }>`
      SELECT count(*)::int AS sealed, max(chain_seq)::int AS last FROM audit_log WHERE chain_seq IS NOT NULL`.execute(trx);
    const { sealed, last } = chain.rows[0];
    if (sealed !== (last ?? 0)) problems.push(`audit_log: ${sealed} sealed entries, but the chain numbers them up to ${last}: entries are missing`);
  });
  return problems;
}
