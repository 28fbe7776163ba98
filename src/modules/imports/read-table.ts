import { parse } from 'csv-parse/sync';
import type { CellValue } from 'exceljs';
import { FileProblem } from './file-problem.js';
import { checkArchive } from './archive-check.js';
import { firstSheetRows } from './xlsx-reader.js';
import type { ImportFormat } from './columns.js';

/** A header and its data rows, read as they are consumed. */
export interface TableStream {
  header: string[];
  /** Data rows in file order; blank rows stay in place, so the n-th row is spreadsheet row n + 1. */
  rows: Iterable<string[]>;
}

/**
 * Reads the first sheet of an XLSX file, or a CSV file, into text cells. Blank rows stay in place
 * (callers skip them), so error row numbers match what the user sees. A CSV file is parsed a
 * slice at a time as its rows are taken, so checking and writing the first rows start before the
 * last ones are parsed. Problems with the file surface as FileProblem, when reading or later.
 */
export async function readTable(body: Buffer, format: ImportFormat, maxRows: number): Promise<TableStream> {
  if (format === 'xlsx') {
    checkArchive(body); // before anything is unpacked
    const [header = [], ...rows] = await readXlsx(body, maxRows);
    return { header: normalHeader(header), rows };
  }
  const records = limited(readCsv(body), maxRows + 1);
  const first = records.next();
  const header = first.done ? [] : first.value;
  return { header: normalHeader(header), rows: { [Symbol.iterator]: () => records } };
}

const normalHeader = (header: string[]) => header.map((h) => h.trim().toLowerCase());

export const isBlank = (row: string[]) => row.every((c) => c === '');

/** Stops with `import_too_many_rows` once more than `max` non-blank records (header included) were read. */
function* limited(records: Iterable<string[]>, max: number): Generator<string[], void, undefined> {
  let filled = 0;
  for (const record of records) {
    if (!isBlank(record) && ++filled > max) throw new FileProblem('import_too_many_rows', { max: max - 1 });
    yield record;
  }
}

/** Spreadsheets in Norwegian and Danish locales save CSV with `;`; detect it from the header line. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return [';', '\t', ','].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

// 64 KB (about 300 rows): parsing one slice is synchronous, and other requests wait for it.
const SLICE_CHARS = 64 * 1024;

function* readCsv(body: Buffer): Generator<string[], void, undefined> {
  if (body.includes(0)) throw new FileProblem('import_unreadable'); // binary, e.g. an XLSX sent as CSV
  const text = body.toString('utf8');
  const options = { bom: true, delimiter: delimiterOf(text.replace(/^\uFEFF/, '')), relax_column_count_less: true, trim: true };
  let linesBefore = 0;
  for (const slice of recordSlices(text, SLICE_CHARS)) {
    let records: string[][];
    try {
      records = parse(slice, options);
    } catch (err) {
      throw new FileProblem('import_csv_error', { line: linesBefore + ((err as { lines?: number }).lines ?? 0) });
    }
    yield* records;
    for (let i = slice.indexOf('\n'); i !== -1; i = slice.indexOf('\n', i + 1)) linesBefore++;
  }
}

/**
 * Cuts CSV text into slices of about `size` characters that end at a record boundary: a line
 * break outside quotes, i.e. with an even number of `"` before it (escaped quotes come in pairs).
 * Each slice is then parsed on its own by csv-parse.
 */
export function* recordSlices(text: string, size: number): Generator<string, void, undefined> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    let quotes = quotesIn(text, start, end);
    while (end < text.length) {
      const lineEnd = text.indexOf('\n', end);
      if (lineEnd === -1) {
        end = text.length;
        break;
      }
      quotes += quotesIn(text, end, lineEnd);
      end = lineEnd + 1;
      if (quotes % 2 === 0) break;
    }
    yield text.slice(start, end);
    start = end;
  }
}

function quotesIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let q = text.indexOf('"', from); q !== -1 && q < to; q = text.indexOf('"', q + 1)) n++;
  return n;
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
  const rows: string[][] = [];
  let filled = 0;
  try {
    for await (const row of firstSheetRows(body)) {
      const cells: string[] = [];
      for (let i = 1; i < row.values.length; i++) cells.push(cellText(row.values[i]));
      rows[row.number - 1] = cells;
      if (!isBlank(cells) && ++filled > maxRows + 1) throw new FileProblem('import_too_many_rows', { max: maxRows });
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem('import_unreadable');
  }
  // Rows the sheet skipped (entirely empty) leave holes; fill them so row numbers stay true.
  return Array.from(rows, (r) => r ?? []);
}
