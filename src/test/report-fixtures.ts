import { expect } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { TestApp } from './app.js';
import type { Report } from '../shared/schemas/stats.js';

/**
 * Helpers for the report tests that put contacts through the real registration route and read
 * the report, its downloads and its printout back through the real routes.
 */

/** Registers `n` identical contacts through POST /api/contacts (concurrently, as counsellors would). */
export async function registerMany(t: TestApp, cookie: string, n: number, payload: Record<string, unknown>): Promise<void> {
  const answers = await Promise.all(Array.from({ length: n }, () =>
    t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie }, payload })));
  for (const res of answers) expect(res.statusCode, res.body).toBe(201);
}

export type View = 'published' | 'internal';
const viewParam = (view: View) => (view === 'internal' ? '&suppress=false' : '');

export async function fetchReport(t: TestApp, cookie: string, helplineId: string, year: number, view: View): Promise<Report> {
  const res = await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${helplineId}&year=${year}&charts=false&lang=nb${viewParam(view)}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Report>();
}

/** A table as a reader sees it: its header line, then one line per row (label, values). */
export type Grid = (string | number)[][];

export function gridOf(report: Report, tableId: string): Grid {
  const table = report.tables.find((x) => x.id === tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  return [['Kategori', ...table.columns], ...table.rows.map((r) => [r.label, ...r.values])];
}

/** The CSV download, parsed by csv-parse: every line, every cell, as text. */
export async function downloadCsv(t: TestApp, cookie: string, helplineId: string, year: number, tableId: string, view: View): Promise<string[][]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/stats/table.csv?helplineId=${helplineId}&year=${year}&table=${tableId}&lang=nb${viewParam(view)}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  expect(res.headers['content-disposition']).toBe(`attachment; filename="${helplineId}-${year}-${tableId}${view === 'published' ? '-published' : '-INTERNAL'}.csv"`);
  return parse(res.body, { bom: true, relax_column_count: true });
}

/** The XLSX download, read by ExcelJS: every row of the one sheet, numbers as numbers. */
export async function downloadXlsx(t: TestApp, cookie: string, helplineId: string, year: number, tableId: string, view: View): Promise<(string | number)[][]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/stats/table.xlsx?helplineId=${helplineId}&year=${year}&table=${tableId}&lang=nb${viewParam(view)}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-disposition']).toBe(`attachment; filename="${helplineId}-${year}-${tableId}${view === 'published' ? '-published' : '-INTERNAL'}.xlsx"`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  expect(book.worksheets.map((s) => s.name)).toEqual([tableId]);
  const rows: (string | number)[][] = [];
  book.worksheets[0].eachRow({ includeEmpty: true }, (row) => {
    // ExcelJS numbers its cells from 1; `values[0]` is always empty.
    rows.push((row.values as (string | number)[]).slice(1));
  });
  return rows;
}

/** A grid as the CSV writes it: every cell as text. */
export const asText = (grid: Grid): string[][] => grid.map((r) => r.map(String));
