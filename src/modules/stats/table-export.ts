import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { ReportTable } from '../../shared/schemas/stats.js';
import { csvSafeRows } from '../../shared/csv-safe.js';

function matrix(t: ReportTable, categoryHeader: string): (string | number)[][] {
  return [[categoryHeader, ...t.columns], ...t.rows.map((r) => [r.label, ...r.values])];
}

export function tableCsv(t: ReportTable, categoryHeader: string): string {
  // A byte-order mark so spreadsheet programs read æøå correctly.
  return '\uFEFF' + stringify(csvSafeRows(matrix(t, categoryHeader)));
}

export async function tableXlsx(t: ReportTable, categoryHeader: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t.id);
  sheet.addRows(matrix(t, categoryHeader));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).width = 48;
  return Buffer.from(await book.xlsx.writeBuffer());
}
