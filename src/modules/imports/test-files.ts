import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { TestApp } from '../../test/app.js';
import { IMPORT_COLUMNS } from './columns.js';

/** Helpers for the import and export tests: files in the import format, and posting them. */
export type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number], string | number>>;

export function csvOf(rows: Row[], columns: readonly string[] = IMPORT_COLUMNS): Buffer {
  const quote = (v: unknown) => (v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c as keyof Row])).join(','))];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

export async function xlsxOf(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('contacts');
  sheet.addRow([...IMPORT_COLUMNS]);
  for (const r of rows) sheet.addRow(IMPORT_COLUMNS.map((c) => r[c] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function postImport(t: TestApp, cookie: string | undefined, body: Buffer, opts: { helplineId: string; format?: 'csv' | 'xlsx'; fileName?: string }) {
  const format = opts.format ?? 'csv';
  return t.app.inject({
    method: 'POST',
    url: `/api/imports?helplineId=${opts.helplineId}&format=${format}&fileName=${opts.fileName ?? `history.${format}`}`,
    headers: {
      ...(cookie ? { cookie } : {}),
      'content-type': format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    payload: body,
  });
}

/** Data rows of a CSV download, header dropped. */
export function csvRows(body: Buffer | string): string[][] {
  return (parse(body, { bom: true }) as string[][]).slice(1);
}

/** A valid Røde Kors-telefonen contact; override fields per test. */
export function rkRow(overrides: Row = {}): Row {
  return {
    date_time: '2021-03-04 10:15', channel: 'telephone', kind: 'first_contact', duration_minutes: 20,
    who: 'family', age_group: 'under_18', age: 16, gender: 'kvinne', country: 'PK', body_type: 'school',
    themes: 'tvangsekteskap(te_planlagt,te_utfrysning)|negativ_sosial_kontroll', summary: 'Ringte om søster.',
    outcomes: 'advice_given|referred', referred_to: 'police',
    ...overrides,
  };
}
