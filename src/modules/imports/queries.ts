import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.js';

export function insertImportBatch(trx: Transaction<Database>, batch: { helplineId: string; fileName: string; rowCount: number; importedBy: string }) {
  return trx
    .insertInto('import_batches')
    .values({ helpline_id: batch.helplineId, file_name: batch.fileName, row_count: batch.rowCount, imported_by: batch.importedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function setImportBatchRows(trx: Transaction<Database>, batchId: string, rowCount: number) {
  return trx.updateTable('import_batches').set({ row_count: rowCount }).where('id', '=', batchId).execute();
}
