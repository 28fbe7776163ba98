import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';

type Executor = Db | Transaction<Database>;
const key = sql.raw('helpline_id, year, month, kind, dimension, k1, k2');

/** A new batch, `loading`: its contacts stay hidden from every reader until it is published. */
export function insertImportBatch(db: Executor, batch: { helplineId: string; fileName: string; sha256: string; importedBy: string }) {
  return db
    .insertInto('import_batches')
    .values({ helpline_id: batch.helplineId, file_name: batch.fileName, row_count: 0, imported_by: batch.importedBy, state: 'loading', file_sha256: batch.sha256 })
    .returning(['id', 'imported_at'])
    .executeTakeFirstOrThrow();
}

/** The same file already imported (or on its way in, or being undone) into this helpline. */
export function findBatchOfFile(db: Executor, helplineId: string, sha256: string) {
  return db
    .selectFrom('import_batches as b')
    .leftJoin('users as u', 'u.id', 'b.imported_by')
    .select(['b.id', 'b.file_name', 'b.imported_at', 'b.row_count', 'b.state', 'u.display_name'])
    .where('b.helpline_id', '=', helplineId)
    .where('b.file_sha256', '=', sha256)
    .where('b.state', 'in', ['loading', 'published', 'undoing'])
    .orderBy('b.imported_at', 'desc')
    .executeTakeFirst();
}

/** Makes the transaction's count triggers add to the batch's own counts, not the report's. */
export function countIntoBatch(trx: Transaction<Database>, batchId: string) {
  return sql`SELECT set_config('brobygger.import_batch', ${batchId}, true)`.execute(trx);
}

export function touchBatch(trx: Executor, batchId: string) {
  return trx.updateTable('import_batches').set({ heartbeat_at: new Date() }).where('id', '=', batchId).execute();
}

/** Sums a batch's counts per key, so they stay as many rows as the report has keys. */
export function compactBatchCounts(trx: Transaction<Database>, batchId: string) {
  return sql`
    WITH moved AS (DELETE FROM import_batch_counts WHERE batch_id = ${batchId} RETURNING *)
    INSERT INTO import_batch_counts (batch_id, ${key}, n)
    SELECT batch_id, ${key}, sum(n)::int FROM moved GROUP BY batch_id, ${key} HAVING sum(n) <> 0`.execute(trx);
}

/** Adds a batch's counts to the report's, summed per key, and empties them. */
export function moveBatchCounts(trx: Transaction<Database>, batchId: string) {
  return sql`
    WITH moved AS (DELETE FROM import_batch_counts WHERE batch_id = ${batchId} RETURNING *)
    INSERT INTO contact_count_deltas (${key}, n)
    SELECT ${key}, sum(n)::int FROM moved GROUP BY ${key} HAVING sum(n) <> 0`.execute(trx);
}

/** Moves a batch from one state to the next; false when it was not in `from` (someone else did it). */
export async function setBatchState(trx: Executor, batchId: string, from: string, to: string, extra: { row_count?: number; undone_by?: string; undone_at?: Date } = {}) {
  const res = await trx.updateTable('import_batches').set({ state: to, heartbeat_at: new Date(), ...extra }).where('id', '=', batchId).where('state', '=', from).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Deletes up to `limit` of a batch's contacts (their themes go with them); returns how many. */
export async function deleteBatchContacts(trx: Transaction<Database>, batchId: string, limit: number): Promise<number> {
  const res = await sql`DELETE FROM contacts WHERE id IN (SELECT id FROM contacts WHERE import_batch_id = ${batchId} LIMIT ${limit})`.execute(trx);
  return Number(res.numAffectedRows ?? 0);
}

export function deleteBatch(trx: Executor, batchId: string) {
  return trx.deleteFrom('import_batches').where('id', '=', batchId).execute();
}

/** Batches whose worker stopped (killed process): loading or undoing with no sign of life since `before`. */
export function staleBatches(db: Executor, before: Date) {
  return db.selectFrom('import_batches').select(['id', 'state']).where('state', 'in', ['loading', 'undoing']).where('heartbeat_at', '<', before).execute();
}

/** Import batches of some helplines, newest first, with who imported and who undid them. */
export function listBatches(db: Executor, helplineIds: string[] | 'all', limit = 200) {
  let q = db
    .selectFrom('import_batches as b')
    .leftJoin('users as u', 'u.id', 'b.imported_by')
    .leftJoin('users as v', 'v.id', 'b.undone_by')
    .select(['b.id', 'b.helpline_id', 'b.file_name', 'b.row_count', 'b.state', 'b.imported_at', 'b.file_sha256', 'b.undone_at',
      'u.display_name as imported_by_name', 'v.display_name as undone_by_name'])
    .where('b.state', '<>', 'loading')
    .orderBy('b.imported_at', 'desc')
    .limit(limit);
  if (helplineIds !== 'all') q = q.where('b.helpline_id', 'in', helplineIds.length ? helplineIds : ['']);
  return q.execute();
}

export function findBatch(db: Executor, batchId: string) {
  return db.selectFrom('import_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
}
