import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ImportFormat, Table } from './columns.js';

/** Columns Excel should show as numbers; everything else stays text so codes and times are not reinterpreted. */
const NUMERIC = new Set(['duration_minutes', 'age']);

/** A table as a CSV (UTF-8 with BOM, so Excel reads æøå) or XLSX file. */
export async function writeTable(table: Table, format: ImportFormat, sheetName = 'contacts'): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(stringify([table.header, ...table.rows], { bom: true }), 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(table.header).font = { bold: true };
  const numeric = table.header.map((h) => NUMERIC.has(h));
  for (const row of table.rows) {
    sheet.addRow(row.map((cell, i) => (numeric[i] && cell !== '' ? Number(cell) : cell)));
  }
  sheet.columns.forEach((col, i) => { col.width = Math.max(12, table.header[i].length + 2); });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
