import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ImportFormat, Table } from './columns.js';
import { csvSafeRows } from '../../shared/csv-safe.js';

/** Columns Excel should show as numbers; everything else stays text so codes and times are not reinterpreted. */
const NUMERIC = new Set(['duration_minutes', 'age']);

/** The column Excel should hold as real dates, so a spreadsheet can sort and filter them. */
const DATE_COLUMN = 'date_time';
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * A local time as an Excel date. Excel dates have no zone: the cell holds the wall clock (its UTC
 * fields here), as the importer reads it back in the helpline's zone (read-table.ts).
 */
function excelDate(text: string): Date | null {
  const m = WALL_CLOCK.exec(text);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
}

/** A table as a CSV (UTF-8 with BOM, so Excel reads æøå) or XLSX file. */
export async function writeTable(table: Table, format: ImportFormat, sheetName = 'contacts'): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(stringify([table.header, ...csvSafeRows(table.rows)], { bom: true }), 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(table.header).font = { bold: true };
  const numeric = table.header.map((h) => NUMERIC.has(h));
  const date = table.header.map((h) => h === DATE_COLUMN);
  for (const row of table.rows) {
    sheet.addRow(row.map((cell, i) => (cell === '' ? cell : numeric[i] ? Number(cell) : date[i] ? (excelDate(cell) ?? cell) : cell)));
  }
  const dateIndex = date.indexOf(true);
  if (dateIndex >= 0) sheet.getColumn(dateIndex + 1).numFmt = 'yyyy-mm-dd hh:mm';
  sheet.columns.forEach((col, i) => { col.width = Math.max(12, table.header[i].length + 2); });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
