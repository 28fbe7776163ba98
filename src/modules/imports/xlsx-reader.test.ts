import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';

const SHEET = [
  ['date_time', 'summary'],
  ['2024-03-01 10:15', 'første'],
  ['2024-03-02 11:30', 'andre'],
];

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const contactsSheet = (wb: ExcelJS.Workbook, name = 'Kontakter') => wb.addWorksheet(name).addRows(SHEET);

const read = async (file: Buffer) => {
  const table = await readTable(file, 'xlsx', 1000);
  return { header: table.header, rows: [...table.rows] };
};

/** The same archive with its entries stored in the given order (the central directory follows). */
async function reordered(file: Buffer, order: (paths: string[]) => string[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const out = new JSZip();
  const files = Object.keys(zip.files).filter((path) => !zip.files[path].dir);
  for (const path of order(files)) out.file(path, await zip.file(path)!.async('uint8array'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const EXPECTED = { header: ['date_time', 'summary'], rows: [['2024-03-01 10:15', 'første'], ['2024-03-02 11:30', 'andre']] };

describe('reading the first tab of a workbook', () => {
  it('reads a workbook whatever order its parts are stored in, the workbook part first or last', async () => {
    const file = await workbook((wb) => contactsSheet(wb));
    const workbookLast = await reordered(file, (paths) => [...paths.filter((p) => p !== 'xl/workbook.xml'), 'xl/workbook.xml']);
    const sheetFirst = await reordered(file, (paths) => [...paths].sort((a, b) => Number(b.includes('worksheets/')) - Number(a.includes('worksheets/'))));
    const reversed = await reordered(file, (paths) => [...paths].reverse());
    for (const variant of [file, workbookLast, sheetFirst, reversed]) expect(await read(variant)).toEqual(EXPECTED);
  });

  it('gives every one of many reads at once the whole sheet (they once failed at random under disk load)', async () => {
    const file = await workbook((wb) => contactsSheet(wb));
    const results = await Promise.all(Array.from({ length: 40 }, () => read(file)));
    for (const result of results) expect(result).toEqual(EXPECTED);
  });

  it('reads the tab shown first, not the sheet file numbered 1', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('Notater').addRows([['dette er ikke kontakter']]); // xl/worksheets/sheet1.xml
      contactsSheet(wb); // xl/worksheets/sheet2.xml
    });
    // Dragging a tab to the front in Excel reorders the <sheet> elements and keeps the file names.
    const zip = await JSZip.loadAsync(file);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const [notes, contacts] = workbookXml.match(/<sheet [^>]*\/>/g)!;
    expect(notes).toContain('Notater');
    zip.file('xl/workbook.xml', workbookXml.replace(notes, '\0').replace(contacts, notes).replace('\0', contacts));
    const contactsFirst = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await read(contactsFirst)).toEqual(EXPECTED);
    expect(await read(file)).toEqual({ header: ['dette er ikke kontakter'], rows: [] });
  });

  it('refuses a workbook without its workbook part as unreadable', async () => {
    const file = await workbook((wb) => contactsSheet(wb));
    const broken = await reordered(file, (paths) => paths.filter((p) => p !== 'xl/workbook.xml'));
    await expect(read(broken)).rejects.toMatchObject({ code: 'import_unreadable' });
  });
});

// docs/import-format.md: "XLSX: the first sheet is read. Cells may be text, numbers or Excel dates."
// "In XLSX an Excel date cell is read as local time"; blank rows are skipped, so the reader keeps
// them in place for the row numbers of error messages.
describe('reading the cells of a workbook as text', () => {
  it('reads numbers, Excel dates (with or without a time of day), styled text, links and formulas as the sheet shows them', async () => {
    const file = await workbook((wb) => {
      const sheet = wb.addWorksheet('Kontakter');
      sheet.addRow(['date_time', 'duration_minutes', 'summary', 'who', 'age', 'themes', 'country']);
      sheet.addRow([
        new Date(Date.UTC(2024, 2, 5, 10, 30)),
        25,
        { richText: [{ text: ' Ringte ', font: { bold: true } }, { text: 'om skolen ' }] },
        { text: ' family ', hyperlink: 'https://example.org' },
        { formula: 'A1+1', result: 16 },
        { formula: 'B1', result: ' annet ' },
        { error: '#N/A' },
      ]);
      sheet.addRow([new Date(Date.UTC(2024, 2, 6)), null, '  mellomrom  ', null, new Date(Date.UTC(2024, 2, 7, 0, 1))]);
    });
    expect(await read(file)).toEqual({
      header: ['date_time', 'duration_minutes', 'summary', 'who', 'age', 'themes', 'country'],
      rows: [
        ['2024-03-05 10:30', '25', 'Ringte om skolen', 'family', '16', 'annet', ''],
        ['2024-03-06', '', 'mellomrom', '', '2024-03-07 00:01'],
      ],
    });
  });

  it('keeps an empty row in place, so the rows after it keep their numbers', async () => {
    const file = await workbook((wb) => {
      const sheet = wb.addWorksheet('Kontakter');
      sheet.getCell('A1').value = 'date_time';
      sheet.getCell('A2').value = '2024-03-01';
      sheet.getCell('A4').value = '2024-03-03';
    });
    expect(await read(file)).toEqual({ header: ['date_time'], rows: [['2024-03-01'], [], ['2024-03-03']] });
  });

  it('reads an empty first sheet as no header, and a sheet whose first row is empty as one without a header', async () => {
    expect(await read(await workbook((wb) => wb.addWorksheet('Kontakter')))).toEqual({ header: [], rows: [] });
    const headerOnRow2 = await workbook((wb) => {
      const sheet = wb.addWorksheet('Kontakter');
      sheet.getCell('A2').value = 'date_time';
      sheet.getCell('A3').value = '2024-03-01';
    });
    expect(await read(headerOnRow2)).toEqual({ header: [], rows: [['date_time'], ['2024-03-01']] });
  });

  it('refuses a workbook whose sheet data is damaged as unreadable', async () => {
    const file = await reordered(await workbook((wb) => contactsSheet(wb)), (paths) => paths);
    // The sheet's compressed bytes start after its local header (30 bytes, then the name; JSZip writes no extra field).
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = file.indexOf(name) - 30;
    expect(file.readUInt32LE(local)).toBe(0x04034b50);
    const damaged = Buffer.from(file);
    damaged[local + 30 + name.length] = 0xff; // a deflate block of the reserved type 3
    await expect(read(damaged)).rejects.toMatchObject({ code: 'import_unreadable' });
  });

  it('refuses more data rows than allowed, not counting empty ones', async () => {
    const file = await workbook((wb) => wb.addWorksheet('Kontakter').addRows([['date_time'], ['2024-03-01'], [''], ['2024-03-02']]));
    const rows = async (maxRows: number) => [...(await readTable(file, 'xlsx', maxRows)).rows];
    await expect(rows(2)).resolves.toEqual([['2024-03-01'], [], ['2024-03-02']]);
    await expect(rows(1)).rejects.toMatchObject({ code: 'import_too_many_rows', params: { max: 1 } });
  });
});
