import { posix } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import unzipper from 'unzipper';
import excelUtils from 'exceljs/lib/utils/utils.js';
import { FileProblem } from './file-problem.js';

/** A row of the first sheet: its 1-based number in the sheet and its cell values from column A. */
export interface SheetRow {
  number: number;
  values: CellValue[];
}

/** The parts of ExcelJS's streaming WorkbookReader this file drives (internal methods, exceljs pinned). */
interface WorkbookParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(chunks: AsyncIterable<Buffer>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string; id: number; name: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

/**
 * Reads the rows of a workbook's first tab. ExcelJS's streaming reader reads the ZIP entries in
 * file order and parses a sheet before the workbook part when the file puts that part last (as
 * files ExcelJS itself writes do); under disk load this failed at random with "reading 'sheets'"
 * (exceljs issue 3064). Here the entries are found through the archive's central directory and
 * read in the order they are needed: relations, workbook, shared strings, styles, then the sheet,
 * whose rows are still parsed as a stream. The caller has already checked the declared sizes.
 */
export async function* firstSheetRows(body: Buffer): AsyncGenerator<SheetRow, void, undefined> {
  const archive = await unzipper.Open.buffer(body);
  const entry = (path: string) => archive.files.find((f) => f.path === path);
  const required = (path: string) => entry(path) ?? unreadable();
  // Every part is read no further than the size it declares (see withinDeclaredSize).
  const read = (file: unzipper.File) => Readable.from(withinDeclaredSize(file));

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  }) as unknown as WorkbookParts;
  await reader._parseRels(read(required('xl/_rels/workbook.xml.rels')));
  await reader._parseWorkbook(read(required('xl/workbook.xml')));
  const sharedStrings = entry('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(read(sharedStrings))) void _;
  const styles = entry('xl/styles.xml');
  if (styles) await reader._parseStyles(read(styles));

  // The first tab is the workbook's first <sheet>, whatever its file is called.
  const firstTab = reader.model?.sheets?.[0] ?? unreadable();
  const target = reader.workbookRels?.find((rel) => rel.Id === firstTab.rId)?.Target ?? unreadable();
  // Relative to xl/ ("worksheets/sheet1.xml", "../xl/…"), or absolute in the package ("/xl/…").
  const sheet = required(target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`));
  const sheetNo = /sheet(\d+)\.xml$/.exec(sheet.path)?.[1] ?? '1';
  const date1904 = reader.properties?.model?.date1904 ?? false;
  for (const { value: worksheet } of reader._parseWorksheet(withinDeclaredSize(sheet), sheetNo)) {
    for await (const row of worksheet) yield { number: row.number, values: valuesOf(row, date1904) };
  }
}

/**
 * The row's values, with the result of a formula shown as a date (`=A2+1` in a date column) made
 * a date: ExcelJS turns a plain number in a date format into a Date, but leaves a formula's
 * result the serial number it is stored as.
 */
function valuesOf(row: ExcelJS.Row, date1904: boolean): CellValue[] {
  const values = row.values as CellValue[];
  values.forEach((value, column) => {
    if (value && typeof value === 'object' && 'formula' in value && typeof value.result === 'number' && excelUtils.isDateFmt(row.getCell(column).numFmt)) {
      values[column] = { ...value, result: excelUtils.excelToDate(value.result, date1904) };
    }
  });
  return values;
}

function unreadable(): never {
  throw new FileProblem('import_unreadable');
}

/**
 * A part's unpacked bytes, refused once they pass the size its directory entry declared: the
 * declared sizes are what the archive check judged, so an entry that lies about them inflates
 * no further than that (shared strings are kept in memory, so this bounds memory too).
 */
async function* withinDeclaredSize(file: unzipper.File): AsyncGenerator<Buffer, void, undefined> {
  let seen = 0;
  for await (const chunk of file.stream() as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > file.uncompressedSize) throw new FileProblem('import_archive_too_large');
    yield chunk;
  }
}
