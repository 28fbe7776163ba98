import type { Db } from '../../db/connection.js';
import { AppError, notFound } from '../../server/errors.js';
import { canUseHelpline, type Actor } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { finishUndo } from './batch-steps.js';
import { findBatch, listBatches, setBatchState } from './queries.js';
import type { ImportBatch } from './schema.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Import batches the administrator may see, newest first (who, when, file, rows, state). */
export async function importBatches(db: Db, actor: Actor, helplineId?: string): Promise<ImportBatch[]> {
  const rows = await listBatches(db, helplineId ? [helplineId] : 'all');
  return rows
    .filter((r) => canUseHelpline(actor, r.helpline_id))
    .map((r) => ({
      id: r.id, helplineId: r.helpline_id, fileName: r.file_name, rows: r.row_count, state: r.state as ImportBatch['state'],
      importedAt: iso(r.imported_at)!, importedBy: r.imported_by_name, sha256: r.file_sha256, undoneAt: iso(r.undone_at), undoneBy: r.undone_by_name,
    }));
}

/**
 * Undoes a published batch, once: in one short step it is marked `undoing` (its contacts leave
 * every list at once) and the undo is audited; its contacts are then deleted step by step and
 * their counts leave the statistics in one last step. A stopped process finishes it at start.
 */
export async function undoBatch(db: Db, actor: Actor, batchId: string): Promise<ImportBatch> {
  const batch = await findBatch(db, batchId);
  if (!batch || !canUseHelpline(actor, batch.helpline_id)) throw notFound();
  const started = await db.transaction().execute(async (trx) => {
    if (!(await setBatchState(trx, batchId, 'published', 'undoing', { undone_by: actor.id, undone_at: new Date() }))) return false;
    await writeAudit(trx, {
      actorId: actor.id, action: 'contact.import_undo', entity: 'import_batch', entityId: batchId,
      detail: { helplineId: batch.helpline_id, rows: batch.row_count, batchId },
    });
    return true;
  });
  if (!started) throw new AppError(409, 'import_undo_not_possible');
  await finishUndo(db, batchId);
  const [after] = (await importBatches(db, actor, batch.helpline_id)).filter((b) => b.id === batchId);
  return after;
}
