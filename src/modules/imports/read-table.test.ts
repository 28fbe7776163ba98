import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { readTable, recordSlices } from './read-table.js';
import { FileProblem } from './file-problem.js';

const rowsOf = async (csv: string, maxRows = 1000) => {
  const table = await readTable(Buffer.from(csv, 'utf8'), 'csv', maxRows);
  return { header: table.header, rows: [...table.rows] };
};

describe('reading CSV a slice at a time', () => {
  it('slices only between records, whatever the quoted cells hold', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ø', ',', '"', '\n', '\r\n', ' ', '|', '\\') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (records, size) => {
        // As written, and without the last line break (spreadsheets save both).
        for (const text of [stringify(records), stringify(records).slice(0, -1)]) {
          const slices = [...recordSlices(text, size)];
          expect(slices.join('')).toBe(text);
          // A slice stops at the first record boundary after `size` characters: no longer than that plus one record.
          const longestRecord = Math.max(...records.map((r) => stringify([r]).length));
          for (const slice of slices) expect(slice.length).toBeLessThanOrEqual(size + longestRecord);
          expect(slices.flatMap((s) => parse(s) as string[][])).toEqual(parse(text));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives every row of a large file, with blank lines kept in place for row numbers', async () => {
    const lines = ['date_time,summary'];
    for (let i = 0; i < 30_000; i++) lines.push(i % 1000 === 0 ? '' : `2024-01-01,"linje ${i}\nmed ""sitat"", komma"`);
    const { header, rows } = await rowsOf(lines.join('\n'), 100_000);
    expect(header).toEqual(['date_time', 'summary']);
    expect(rows).toHaveLength(30_000);
    expect(rows[1]).toEqual(['2024-01-01', 'linje 1\nmed "sitat", komma']);
    expect(rows[29_999][1]).toBe('linje 29999\nmed "sitat", komma');
  });

  it('names the line of a broken record even far into the file', async () => {
    const lines = ['date_time,summary', ...Array.from({ length: 20_000 }, (_, i) => `2024-01-01,ok ${i}`), '2024-01-01,"never closed'];
    const error = await rowsOf(lines.join('\n'), 100_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblem);
    expect(error).toMatchObject({ code: 'import_csv_error', params: { line: 20_002 } });
  });

  it('refuses a file with more rows than allowed, however far it was read', async () => {
    const csv = ['date_time', '2024-01-01', '', '2024-01-02', '2024-01-03'].join('\n');
    await expect(rowsOf(csv, 3)).resolves.toMatchObject({ rows: [['2024-01-01'], [''], ['2024-01-02'], ['2024-01-03']] });
    await expect(rowsOf(csv, 2)).rejects.toMatchObject({ code: 'import_too_many_rows', params: { max: 2 } });
  });
});

// docs/import-format.md: "UTF-8 (a byte-order mark is fine), separated by `,` or `;` (Norwegian and
// Danish Excel save with `;`) or tab"; the column names may come in any order.
describe('reading a CSV file as spreadsheets save it', () => {
  it('reads column names in any case and with spaces around them', async () => {
    expect((await rowsOf(' Date_Time ,CHANNEL,  kind\n2024-01-01,chat,first_contact\n')).header).toEqual(['date_time', 'channel', 'kind']);
  });

  it('detects semicolons and tabs from the header line, and keeps the other separators inside cells', async () => {
    expect(await rowsOf('date_time;summary\n2024-01-01;Ringte, igjen\n')).toEqual({ header: ['date_time', 'summary'], rows: [['2024-01-01', 'Ringte, igjen']] });
    expect(await rowsOf('date_time\tsummary\n2024-01-01\tRingte; igjen, og igjen\n')).toEqual({ header: ['date_time', 'summary'], rows: [['2024-01-01', 'Ringte; igjen, og igjen']] });
    // Only the header line decides: semicolons in the cells below do not make it a semicolon file.
    expect(await rowsOf('date_time,summary\r\n2024-01-01,a;b;c;d;e\r\n')).toEqual({ header: ['date_time', 'summary'], rows: [['2024-01-01', 'a;b;c;d;e']] });
    expect(await rowsOf('date_time,summary\n2024-01-01,a;b;c;d;e\n')).toEqual({ header: ['date_time', 'summary'], rows: [['2024-01-01', 'a;b;c;d;e']] });
  });

  it('reads a file that starts with a byte-order mark, as Excel saves "CSV UTF-8"', async () => {
    expect(await rowsOf('\uFEFFdate_time;channel\n2024-01-01;chat\n')).toEqual({ header: ['date_time', 'channel'], rows: [['2024-01-01', 'chat']] });
  });

  it('trims spaces around cells and keeps a short row as it is', async () => {
    expect((await rowsOf('date_time, channel, kind\n 2024-01-01 10:00 , chat ,first_contact\n2024-01-02,email\n')).rows).toEqual([
      ['2024-01-01 10:00', 'chat', 'first_contact'],
      ['2024-01-02', 'email'],
    ]);
  });

  it('reads an empty file as no header and no rows', async () => {
    expect(await rowsOf('')).toEqual({ header: [], rows: [] });
  });

  it('refuses a binary file sent as CSV (an XLSX file, say) as unreadable', async () => {
    const zipStart = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    await expect(readTable(Buffer.concat([zipStart, Buffer.from('date_time\n')]), 'csv', 10)).rejects.toMatchObject({ code: 'import_unreadable' });
  });
});
