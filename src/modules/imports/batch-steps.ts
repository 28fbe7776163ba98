import type { Db } from '../../db/connection.js';
import { engineOf } from '../../db/connection.js';
import { transactionWithCopy } from '../../db/copy.js';
import { copyContacts } from '../contacts/bulk-insert.js';
import { timeSlices, yieldToOthers } from '../../server/time-slice.js';
import { contactValues } from '../contacts/service.js';
import type { HelplineSnapshot } from '../helplines/snapshot.js';
import type { ContactInput } from '../../shared/schemas/contacts.js';
import { writeAudit } from '../audit/service.js';
import * as q from './queries.js';

/** Rows per step on a PostgreSQL server, which runs other requests beside an import (decision 0007). */
const SERVER_STEP_ROWS = 10_000;

/** On PGlite, a step should hold the one connection about this long: what a waiting request may lose. */
export const PGLITE_STEP_MS = 120;

/**
 * Rows per short transaction (decision 0011). PGlite has one connection in this thread: every
 * other request waits for the step in progress, so its steps are sized from the last ones' times
 * to take about PGLITE_STEP_MS, whatever the machine's speed and load. A PostgreSQL server runs
 * other requests beside an import, and larger steps keep its throughput.
 */
export function stepSizer(db: Db) {
  if (engineOf(db) !== 'pglite') return { rows: () => SERVER_STEP_ROWS, took: (_rows: number, _ms: number) => undefined };
  let rows = 200;
  return {
    rows: () => rows,
    took(stepRows: number, ms: number) {
      const fit = (stepRows * PGLITE_STEP_MS) / Math.max(ms, 1);
      // Moves halfway towards the fitting size, within bounds: one slow step (a pause for garbage
      // collection, a busy neighbour) does not swing it.
      rows = Math.round(Math.min(5_000, Math.max(100, (rows + fit) / 2)));
    },
  };
}

/**
 * Steps loading at once. A PostgreSQL server works on one step while Node sends the next one's
 * rows, which nearly halves an import's time on two cores; PGlite has one connection.
 */
export function parallelSteps(db: Db): number {
  return engineOf(db) === 'pglite' ? 1 : 2;
}

/** Batch counts are summed every so many steps, so publishing moves few rows. */
const COMPACT_EVERY = 20;

/** Loads one chunk of checked rows into a loading batch, in its own short transaction. */
export async function loadStep(db: Db, batchId: string, snapshot: HelplineSnapshot, chunk: ContactInput[], createdBy: string, step: number): Promise<void> {
  await transactionWithCopy(db, async (trx, copyIn) => {
    await q.countIntoBatch(trx, batchId);
    const rows: Parameters<typeof copyContacts>[1] = [];
    const slices = timeSlices();
    for (const input of chunk) {
      rows.push({ values: contactValues(snapshot, input), themes: input.themes });
      if (slices.due()) await slices.next(); // as copyContacts does: others go between
    }
    await copyContacts(copyIn, rows, {
      source: 'import', createdBy, importBatchId: batchId,
    });
    if (step % COMPACT_EVERY === COMPACT_EVERY - 1) await q.compactBatchCounts(trx, batchId);
    await q.touchBatch(trx, batchId);
  });
}

/**
 * Makes a loaded batch visible to lists and statistics at once: its counts are added to the
 * report's summed per key (a few thousand rows at most), so this step is short at any size.
 */
export async function publishBatch(db: Db, batchId: string, rows: number, audit: { actorId: string; helplineId: string; sha256: string; fileName: string }) {
  await db.transaction().execute(async (trx) => {
    await q.moveBatchCounts(trx, batchId);
    await q.setBatchState(trx, batchId, 'loading', 'published', { row_count: rows });
    await writeAudit(trx, {
      actorId: audit.actorId, action: 'contact.import', entity: 'import_batch', entityId: batchId,
      detail: { helplineId: audit.helplineId, rows, batchId, sha256: audit.sha256 },
    });
  });
}

/** Deletes a batch's contacts a step at a time, their counts going to the batch's own counts. */
async function deleteInSteps(db: Db, batchId: string, onStep?: (deleted: number) => void): Promise<number> {
  const sizer = stepSizer(db);
  let total = 0;
  for (let step = 0; ; step++) {
    const limit = sizer.rows();
    const started = performance.now();
    const deleted = await db.transaction().execute(async (trx) => {
      await q.countIntoBatch(trx, batchId);
      const n = await q.deleteBatchContacts(trx, batchId, limit);
      if (step % COMPACT_EVERY === COMPACT_EVERY - 1) await q.compactBatchCounts(trx, batchId);
      await q.touchBatch(trx, batchId);
      return n;
    });
    sizer.took(limit, performance.now() - started);
    total += deleted;
    onStep?.(total);
    if (deleted < limit) return total;
    await yieldToOthers(); // let waiting requests in between steps
  }
}

/** Takes back an import that failed or stopped: it was never visible, so nothing is left of it. */
export async function purgeBatch(db: Db, batchId: string): Promise<void> {
  await deleteInSteps(db, batchId);
  await q.deleteBatch(db, batchId); // its own counts go with it
}

/**
 * Finishes undoing a batch already marked `undoing` (hidden from lists since): its contacts are
 * deleted step by step, then their counts leave the report in one step. Safe to run again after a
 * crash, or by two nodes: only rows still there are deleted, and only one finishes the state.
 */
export async function finishUndo(db: Db, batchId: string, onStep?: (deleted: number) => void): Promise<void> {
  await deleteInSteps(db, batchId, onStep);
  await db.transaction().execute(async (trx) => {
    if (await q.setBatchState(trx, batchId, 'undoing', 'undone')) await q.moveBatchCounts(trx, batchId);
  });
}

/**
 * Cleans up after a stopped process: loading batches are taken back, undos are finished. A
 * worker that is alive touches its batch every step, so only batches silent since `before` are
 * taken (on PGlite, one process per data directory, everything at start).
 */
export async function recoverImports(db: Db, before: Date): Promise<{ purged: number; undone: number }> {
  let purged = 0;
  let undone = 0;
  for (const b of await q.staleBatches(db, before)) {
    if (b.state === 'loading') {
      await purgeBatch(db, b.id);
      purged++;
    } else {
      await finishUndo(db, b.id);
      undone++;
    }
  }
  return { purged, undone };
}
