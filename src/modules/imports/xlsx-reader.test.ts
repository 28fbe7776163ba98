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

/** The archive with the unpacked size an entry declares (local header and central directory) set to `size`. */
function declaringSize(file: Buffer, path: string, size: number): Buffer {
  const out = Buffer.from(file);
  const name = Buffer.from(path);
  const patch = (signature: string, nameLengthAt: number, nameAt: number, sizeAt: number) => {
    const marker = Buffer.from(signature, 'latin1');
    for (let at = out.indexOf(marker); at !== -1; at = out.indexOf(marker, at + 4)) {
      const length = out.readUInt16LE(at + nameLengthAt);
      if (out.subarray(at + nameAt, at + nameAt + length).equals(name)) out.writeUInt32LE(size, at + sizeAt);
    }
  };
  patch('PK\x03\x04', 26, 30, 22); // local file header (APPNOTE 4.3.7)
  patch('PK\x01\x02', 28, 46, 24); // central directory header (APPNOTE 4.3.12)
  return out;
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

  it('reads a minimal workbook as other tools write it: an absolute sheet path, inline text, no shared strings or styles', async () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rels = (target: string) =>
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/></Relationships>`;
    const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const zip = new JSZip();
    zip.file('_rels/.rels', rels('xl/workbook.xml'));
    zip.file('xl/workbook.xml', `<workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file('xl/_rels/workbook.xml.rels', rels('/xl/worksheets/sheet1.xml'));
    // Row 2 is absent from the file: it is empty in the spreadsheet, and row 3 stays row 3.
    zip.file('xl/worksheets/sheet1.xml', `<worksheet ${ns}><sheetData><row r="1">${text('A1', 'date_time')}${text('B1', 'summary')}</row><row r="3">${text('A3', '2024-03-01 10:15')}${text('B3', 'tredje rad')}</row></sheetData></worksheet>`);
    const file = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await read(file)).toEqual({ header: ['date_time', 'summary'], rows: [[], ['2024-03-01 10:15', 'tredje rad']] });
  });

  it('stops unpacking a sheet or its shared strings once they inflate beyond the size they declare, as an archive too large', async () => {
    const file = await workbook((wb) => {
      const sheet = wb.addWorksheet('Kontakter');
      sheet.addRows(SHEET);
      for (let i = 0; i < 2_000; i++) sheet.addRow(['2024-03-01 10:15', `rad ${i} ${'x'.repeat(40)}`]);
    });
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
      const lying = declaringSize(file, part, 1_000);
      await expect(read(lying), part).rejects.toMatchObject({ code: 'import_archive_too_large' });
    }
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

  it('reads a formula shown as a date (a day counted on from the cell above) as that date, in either date system', async () => {
    for (const date1904 of [false, true]) {
      const file = await workbook((wb) => {
        if (date1904) wb.properties.date1904 = true;
        const sheet = wb.addWorksheet('Kontakter');
        sheet.addRow(['date_time', 'summary']);
        sheet.addRow([new Date(Date.UTC(2024, 2, 5, 10, 30)), 'første']);
        sheet.addRow([{ formula: 'A2+1', result: new Date(Date.UTC(2024, 2, 6, 10, 30)) }, 'neste dag']);
        sheet.addRow([{ formula: 'A3+0.5', result: new Date(Date.UTC(2024, 2, 6, 22, 30)) }, 'samme kveld']);
        sheet.getColumn(1).numFmt = 'dd.mm.yyyy hh:mm';
        sheet.getCell('A3').numFmt = 'dd.mm.yyyy hh:mm';
        sheet.getCell('A4').numFmt = 'dd.mm.yyyy hh:mm';
      });
      expect(await read(file)).toEqual({
        header: ['date_time', 'summary'],
        rows: [['2024-03-05 10:30', 'første'], ['2024-03-06 10:30', 'neste dag'], ['2024-03-06 22:30', 'samme kveld']],
      });
    }
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
