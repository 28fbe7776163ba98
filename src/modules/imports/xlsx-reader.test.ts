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
