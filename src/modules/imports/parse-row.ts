import type { HelplineSnapshot } from '../helplines/snapshot.js';
import { COUNTRY_NOT_ASKED, COUNTRY_NOT_STATED } from '../../shared/enums.js';
import { CATEGORY_COLUMNS, parseThemes, type ImportColumn } from './columns.js';
import { parseDateTime } from './local-time.js';
import { excerpt } from './excerpt.js';

export interface CellProblem {
  field: ImportColumn;
  code: string;
  params?: Record<string, string | number>;
}

/** Position of each known column in the header. */
export type ColumnIndex = Partial<Record<ImportColumn, number>>;

const WHOLE_NUMBER = /^-?\d+$/;

/**
 * Turns one row of text cells into a candidate ContactInput. Only what text cannot express is
 * checked here (dates, numbers, codes this helpline has); the ContactInput schema and the form
 * rules judge the result, so an import refuses exactly what the form refuses.
 */
export function rowToInput(cells: string[], index: ColumnIndex, snapshot: HelplineSnapshot) {
  // Plain helpers over a shared row context rather than closures made per row: a 100 000-row
  // file would otherwise create (and name) half a million functions.
  const row: RowContext = { cells, index, snapshot, problems: [] };
  let startedAt: string | undefined;
  const when = cell(row, 'date_time');
  if (when === '') row.problems.push({ field: 'date_time', code: 'required' });
  else if (!(startedAt = parseDateTime(when, snapshot.timeZone) ?? undefined)) row.problems.push({ field: 'date_time', code: 'import_date_format' });

  const country = cell(row, 'country');
  const lower = country.toLowerCase();
  const outcomes = cell(row, 'outcomes');
  const input = {
    helplineId: snapshot.id,
    channel: cell(row, 'channel').toLowerCase() || undefined,
    kind: cell(row, 'kind').toLowerCase() || undefined,
    startedAt,
    durationMinutes: wholeNumber(row, 'duration_minutes'),
    whoId: category(row, 'who'),
    ageGroupId: category(row, 'age_group'),
    age: wholeNumber(row, 'age'),
    genderId: category(row, 'gender'),
    country: country === '' ? COUNTRY_NOT_ASKED : lower === COUNTRY_NOT_STATED || lower === COUNTRY_NOT_ASKED ? lower : country.toUpperCase(),
    bodyTypeId: category(row, 'body_type'),
    themes: themesOf(cell(row, 'themes'), snapshot, row.problems),
    summary: cell(row, 'summary') || null,
    outcomes: outcomes === '' ? [] : outcomes.split('|').map((o) => o.trim().toLowerCase()),
    referredToId: category(row, 'referred_to'),
  };
  return { input, problems: row.problems };
}

interface RowContext {
  cells: string[];
  index: ColumnIndex;
  snapshot: HelplineSnapshot;
  problems: CellProblem[];
}

/** A cell the export protected from spreadsheet formulas (`'=…`, see csv-safe.ts) reads as written. */
const PROTECTED = /^'[=+\-@\t\r]/;

function cell(row: RowContext, col: ImportColumn): string {
  const i = row.index[col];
  const v = i === undefined ? '' : (row.cells[i] ?? '');
  return v.charCodeAt(0) === 39 && PROTECTED.test(v) ? v.slice(1) : v;
}

function wholeNumber(row: RowContext, col: ImportColumn): number | null {
  const v = cell(row, col);
  if (v === '') return null;
  if (WHOLE_NUMBER.test(v)) return Number(v);
  row.problems.push({ field: col, code: 'import_whole_number' });
  return null;
}

function category(row: RowContext, col: keyof typeof CATEGORY_COLUMNS): number | null {
  const v = cell(row, col).toLowerCase();
  if (v === '') return null;
  const info = row.snapshot.byCode.get(`${CATEGORY_COLUMNS[col]}:${v}`);
  if (!info) row.problems.push({ field: col, code: 'import_unknown_code', params: { value: excerpt(v) } });
  return info?.id ?? null;
}

function themesOf(value: string, snapshot: HelplineSnapshot, problems: CellProblem[]) {
  if (value === '') return [];
  const parsed = parseThemes(value);
  if (!parsed) {
    problems.push({ field: 'themes', code: 'import_themes_format' });
    return [];
  }
  const lookup = (dimension: string, c: string) => {
    const info = snapshot.byCode.get(`${dimension}:${c}`);
    // One unknown code per cell is enough to fix it; a cell of thousands must not give thousands.
    if (!info && !problems.some((p) => p.field === 'themes')) problems.push({ field: 'themes', code: 'import_unknown_code', params: { value: excerpt(c) } });
    return info?.id;
  };
  return parsed.flatMap((t) => {
    const themeId = lookup('theme', t.theme);
    if (themeId === undefined) return []; // its subthemes cannot be judged without it
    const subthemeIds = t.subthemes.map((s) => lookup('subtheme', s)).filter((id): id is number => id !== undefined);
    return [{ themeId, subthemeIds }];
  });
}
