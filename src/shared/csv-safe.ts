/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"): starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return. Such a text cell is written with a leading `'`, which
 * spreadsheets show as text; the importer reads `'=…` back as `=…` (parse-row.ts).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvSafe<T>(cell: T): T | string {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Every text cell of the rows made safe; numbers stay numbers. */
export const csvSafeRows = <T>(rows: T[][]): (T | string)[][] => rows.map((r) => r.map(csvSafe));
