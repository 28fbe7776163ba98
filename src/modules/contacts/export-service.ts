import type { Db } from '../../db/connection.js';
import type { Actor } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { IMPORT_COLUMNS, type ImportFormat } from '../imports/columns.js';
import { writeTable } from '../imports/write-table.js';
import { snapshotFor } from './service.js';
import { listContactsForExport, listThemesForExport } from './export-queries.js';
import { contactCells } from './export-rows.js';

export interface ExportRequest {
  helplineId: string;
  year: number;
  format: ImportFormat;
  includeSummary: boolean;
}

/**
 * A year of one helpline's contacts as a file in the import format. Free text leaves the system
 * only when asked for, and every export is audited with its size and whether it held summaries.
 */
export async function exportContacts(db: Db, actor: Actor, req: ExportRequest): Promise<{ fileName: string; file: Buffer }> {
  const snapshot = await snapshotFor(db, actor, req.helplineId);
  const range = { helplineId: snapshot.id, from: `${req.year}-01-01`, to: `${req.year}-12-31` };
  const contacts = await listContactsForExport(db, actor, range, req.includeSummary);
  const themes = new Map<string, { theme_id: number; subtheme_ids: number[] }[]>();
  for (const t of await listThemesForExport(db, range)) {
    const list = themes.get(t.contact_id);
    if (list) list.push(t);
    else themes.set(t.contact_id, [t]);
  }
  const rows = contacts.map((c) => contactCells(c, themes.get(c.id) ?? [], snapshot));
  const file = await writeTable({ header: [...IMPORT_COLUMNS], rows }, req.format);
  await writeAudit(db, {
    actorId: actor.id, action: 'contact.export', entity: 'helpline', entityId: snapshot.id,
    detail: { helplineId: snapshot.id, year: req.year, rows: rows.length, includeSummary: req.includeSummary },
  });
  const fileName = `${snapshot.id}-${req.year}-contacts${req.includeSummary ? '-with-summaries' : ''}.${req.format}`;
  return { fileName, file };
}
