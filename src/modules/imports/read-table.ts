import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { FileProblem } from './file-problem.js';
import type { ImportFormat, Table } from './columns.js';

/**
 * Reads the first sheet of an XLSX file, or a CSV file, into text cells. Blank rows stay in place
 * (callers skip them), so `rows[i]` is spreadsheet row i + 2 and error row numbers match what
 * the user sees.
 */
export async function readTable(body: Buffer, format: ImportFormat, maxRows: number): Promise<Table> {
  const [header = [], ...rows] = format === 'csv' ? readCsv(body) : await readXlsx(body, maxRows);
  if (rows.length > maxRows && rows.filter((r) => !isBlank(r)).length > maxRows) {
    throw new FileProblem('import_too_many_rows', { max: maxRows });
  }
  return { header: header.map((h) => h.trim().toLowerCase()), rows };
}

export const isBlank = (row: string[]) => row.every((c) => c === '');

/** Spreadsheets in Norwegian and Danish locales save CSV with `;`; detect it from the header line. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return [';', '\t', ','].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

function readCsv(body: Buffer): string[][] {
  if (body.includes(0)) throw new FileProblem('import_unreadable'); // binary, e.g. an XLSX sent as CSV
  const text = body.toString('utf8');
  try {
    return parse(text, { bom: true, delimiter: delimiterOf(text.replace(/^\uFEFF/, '')), relax_column_count_less: true, trim: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    throw new FileProblem('import_csv_error', { line });
  }
}

/** Excel's own dates carry no zone: their UTC fields are the wall clock the user typed. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as CellValue);
    return '';
  }
  return String(value).trim();
}

async function readXlsx(body: Buffer, maxRows: number): Promise<string[][]> {
  // The streaming reader keeps memory flat for large history files.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(body), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const rows: string[][] = [];
  let filled = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        rows[row.number - 1] = cells;
        if (!isBlank(cells) && ++filled > maxRows + 1) throw new FileProblem('import_too_many_rows', { max: maxRows });
      }
      break; // only the first sheet holds contacts
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem('import_unreadable');
  }
  // Rows the sheet skipped (entirely empty) leave holes; fill them so row numbers stay true.
  return Array.from(rows, (r) => r ?? []);
}
