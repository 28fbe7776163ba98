import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { writeAudit } from '../../modules/audit/service.js';

/**
 * Every column that holds values encrypted with the field key (field-encryption.ts), with the
 * table's key column. A new encrypted column goes here, or a key rotation would leave it under the
 * old key and the start-up check would not see it.
 */
export const ENCRYPTED_COLUMNS = [
  { table: 'second_factors', key: 'user_id', column: 'totp_secret' },
  { table: 'case_persons', key: 'case_id', column: 'name_encrypted' },
  { table: 'case_persons', key: 'case_id', column: 'reach_encrypted' },
  { table: 'case_protections', key: 'case_id', column: 'address_encrypted' },
  { table: 'case_protections', key: 'case_id', column: 'contact_encrypted' },
] as const;

/** How many stored values each key id encrypts, over every encrypted column. */
export async function storedKeyIds(db: Db): Promise<Map<string, number>> {
  const union = sql.join(ENCRYPTED_COLUMNS.map(({ table, column }) =>
    sql`SELECT split_part(${sql.ref(column)}, ':', 2) AS id FROM ${sql.table(table)} WHERE ${sql.ref(column)} IS NOT NULL`), sql` UNION ALL `);
  const { rows } = await sql<{ id: string; n: number }>`SELECT id, count(*)::int AS n FROM (${union}) v GROUP BY id ORDER BY id`.execute(db);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * Removes, in one transaction, every value under the given key ids (keys lost for good): a second
 * factor goes with its row (the user enrols again), other columns become empty. One audit row.
 */
export async function forgetValuesUnder(db: Db, keyIds: string[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let n = 0;
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const under = sql`${sql.ref(column)} IS NOT NULL AND split_part(${sql.ref(column)}, ':', 2) IN (${sql.join(keyIds)})`;
      const res = table === 'second_factors'
        ? await sql`DELETE FROM ${sql.table(table)} WHERE ${under}`.execute(trx)
        : await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = NULL WHERE ${under}`.execute(trx);
      n += Number(res.numAffectedRows ?? 0);
    }
    await writeAudit(trx, { actorId: null, action: 'key.forget_unreadable', entity: 'field_key', entityId: keyIds.join(','), detail: { values: n } });
    return n;
  });
}
