import type { Db } from '../../db/connection.js';
import { transactionWithCopy } from '../../db/copy.js';
import { AppError } from '../../server/errors.js';
import { LIMITS, type Locale } from '../../shared/enums.js';
import { formatMessage } from '../../shared/i18n/messages.js';
import type { Actor } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { insertContactBatch, snapshotFor } from '../contacts/service.js';
import type { ImportFormat } from './columns.js';
import { FileProblem } from './file-problem.js';
import { readTable } from './read-table.js';
import { validateRows } from './validate-rows.js';
import { insertImportBatch, setImportBatchRows } from './queries.js';
import type { ImportResponse } from './schema.js';

export interface ImportRequest {
  helplineId: string;
  format: ImportFormat;
  fileName: string;
  body: Buffer;
  locale: Locale;
}

/** A file problem as the user's 400: `import_format` with the reason in their language. */
function asFormatError(err: unknown, locale: Locale): unknown {
  if (!(err instanceof FileProblem)) return err;
  return new AppError(400, 'import_format', undefined, { reason: formatMessage(locale, err.code, err.params) });
}

/**
 * Imports a file of earlier contacts all-or-nothing, in one transaction: the file is read, checked
 * and written in a stream (each chunk of valid rows is loaded while the next is parsed and
 * checked); the first bad row, or a file that turns out unreadable halfway, rolls back everything.
 */
export async function importContacts(db: Db, actor: Actor, req: ImportRequest): Promise<ImportResponse> {
  // Loaded before the transaction: PGlite has a single connection, which the transaction holds.
  const snapshot = await snapshotFor(db, actor, req.helplineId);
  let table;
  try {
    if (!req.body.length) throw new FileProblem('import_no_rows');
    table = await readTable(req.body, req.format, LIMITS.importMaxRows);
  } catch (err) {
    throw asFormatError(err, req.locale);
  }
  return transactionWithCopy(db, async (trx, copyIn) => {
    const batch = await insertImportBatch(trx, { helplineId: snapshot.id, fileName: req.fileName, rowCount: 0, importedBy: actor.id });
    const meta = { source: 'import' as const, createdBy: actor.id, importBatchId: batch.id };
    // Valid chunks are written while later rows are still being checked; one bad row anywhere
    // throws, and the transaction takes back every row written so far.
    const writes: Promise<number>[] = [];
    let imported = 0;
    try {
      imported = await validateRows(table, snapshot, req.locale, (chunk) => writes.push(insertContactBatch(copyIn, snapshot, chunk, meta)));
    } catch (err) {
      await Promise.allSettled(writes);
      throw asFormatError(err, req.locale);
    }
    await Promise.all(writes);
    await setImportBatchRows(trx, batch.id, imported);
    await writeAudit(trx, {
      actorId: actor.id, action: 'contact.import', entity: 'import_batch', entityId: batch.id,
      detail: { helplineId: snapshot.id, rows: imported, batchId: batch.id },
    });
    return { imported, batchId: batch.id };
  });
}
