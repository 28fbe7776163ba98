import crypto from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../server/errors.js';
import { LIMITS, type Locale } from '../../shared/enums.js';
import { formatMessage } from '../../shared/i18n/messages.js';
import type { ContactInput } from '../../shared/schemas/contacts.js';
import type { Actor } from '../auth/policy.js';
import { snapshotFor } from '../contacts/service.js';
import type { ImportFormat } from './columns.js';
import { FileProblem } from './file-problem.js';
import { readTable } from './read-table.js';
import { validateRows } from './validate-rows.js';
import { findBatchOfFile, insertImportBatch } from './queries.js';
import { loadStep, parallelSteps, publishBatch, purgeBatch, stepSizer } from './batch-steps.js';
import { StepQueue } from './step-queue.js';
import { startJob } from './progress.js';
import { formatLocalDateTime } from './local-time.js';
import type { ImportResponse } from './schema.js';

export interface ImportRequest {
  helplineId: string;
  format: ImportFormat;
  fileName: string;
  body: Buffer;
  locale: Locale;
  /** The administrator saw that this file was imported before and imports it again anyway. */
  confirmDuplicate?: boolean;
  /** Chosen by the page, to poll the progress while the request runs. */
  jobId?: string;
}

/** A file problem as the user's 400: `import_format` with the reason in their language. */
function asFormatError(err: unknown, locale: Locale): unknown {
  if (!(err instanceof FileProblem)) return err;
  return new AppError(400, 'import_format', undefined, { reason: formatMessage(locale, err.code, err.params) });
}

/** Checked chunks waiting for a free step at most; then checking waits (memory stays flat). */
const MAX_WAITING_STEPS = 1;

/**
 * Imports a file of earlier contacts, all or nothing, without stopping the helpline (decision
 * 0011): rows are checked as the file is read and loaded in short transactions into a batch that
 * no list or statistic sees, then published in one short step. Other requests get the database
 * between steps. The first bad row stops loading (checking goes on, to list every error); a
 * refused or failed import is taken back, and one cut short by a killed process is taken back at
 * the next start (`recoverImports`).
 */
export async function importContacts(db: Db, actor: Actor, req: ImportRequest): Promise<ImportResponse> {
  const snapshot = await snapshotFor(db, actor, req.helplineId);
  const sha256 = crypto.createHash('sha256').update(req.body).digest('hex');
  if (!req.confirmDuplicate) {
    const earlier = await findBatchOfFile(db, snapshot.id, sha256);
    if (earlier) {
      throw new AppError(409, 'import_duplicate', undefined, {
        fileName: earlier.file_name, when: formatLocalDateTime(new Date(earlier.imported_at), snapshot.timeZone).slice(0, 16).replace('T', ' '), who: earlier.display_name ?? '?', rows: earlier.row_count,
      }, { batch: { id: earlier.id, fileName: earlier.file_name, importedAt: new Date(earlier.imported_at).toISOString(), importedBy: earlier.display_name, rows: earlier.row_count } });
    }
  }
  let table;
  try {
    if (!req.body.length) throw new FileProblem('import_no_rows');
    table = await readTable(req.body, req.format, LIMITS.importMaxRows);
  } catch (err) {
    throw asFormatError(err, req.locale);
  }
  const job = await startJob(db, req.jobId, actor.id);
  const batch = await insertImportBatch(db, { helplineId: snapshot.id, fileName: req.fileName, sha256, importedBy: actor.id });
  // Checking goes on while steps load; a failed step stops both (the file is then taken back).
  const steps = new StepQueue(parallelSteps(db), MAX_WAITING_STEPS);
  let step = 0;
  const sizer = stepSizer(db);
  const onValid = (chunk: ContactInput[]) => {
    const n = step++;
    return steps.add(async () => {
      const started = performance.now();
      await loadStep(db, batch.id, snapshot, chunk, actor.id, n);
      sizer.took(chunk.length, performance.now() - started);
      job.progress.loaded += chunk.length;
      job.counted();
    });
  };
  try {
    const imported = await validateRows(table, snapshot, req.locale, onValid, { chunkRows: sizer.rows, onChecked: (rows) => { job.progress.checked = rows; job.counted(); } });
    await steps.drain();
    await job.phase('publishing');
    await publishBatch(db, batch.id, imported, { actorId: actor.id, helplineId: snapshot.id, sha256, fileName: req.fileName });
    await job.phase('done');
    return { imported, batchId: batch.id };
  } catch (err) {
    await job.phase('failed');
    await steps.drain().catch(() => undefined);
    await purgeBatch(db, batch.id);
    throw asFormatError(err, req.locale);
  }
}
