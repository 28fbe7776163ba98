import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { ReportTable } from '../../shared/schemas/stats.js';
import { csvSafeRows } from '../../shared/csv-safe.js';

/** The table as rows; an internal table starts with a line that says so (its title carries the mark). */
function matrix(t: ReportTable, categoryHeader: string, internal = false): (string | number)[][] {
  return [...(internal ? [[t.title]] : []), [categoryHeader, ...t.columns], ...t.rows.map((r) => [r.label, ...r.values])];
}

export function tableCsv(t: ReportTable, categoryHeader: string, internal = false): string {
  // A byte-order mark so spreadsheet programs read æøå correctly.
  return '\uFEFF' + stringify(csvSafeRows(matrix(t, categoryHeader, internal)));
}

export async function tableXlsx(t: ReportTable, categoryHeader: string, internal = false): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t.id);
  sheet.addRows(matrix(t, categoryHeader, internal));
  sheet.getRow(1).font = { bold: true, ...(internal ? { color: { argb: 'FFC8102E' } } : {}) };
  sheet.getColumn(1).width = 48;
  return Buffer.from(await book.xlsx.writeBuffer());
}
