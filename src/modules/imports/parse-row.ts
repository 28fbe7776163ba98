import type { HelplineSnapshot } from '../helplines/snapshot.js';
import { COUNTRY_NOT_ASKED, COUNTRY_NOT_STATED } from '../../shared/enums.js';
import { CATEGORY_COLUMNS, parseThemes, type ImportColumn } from './columns.js';
import { parseDateTime } from './local-time.js';

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
  const problems: CellProblem[] = [];
  const cell = (col: ImportColumn) => {
    const i = index[col];
    return i === undefined ? '' : (cells[i] ?? '');
  };
  const text = (col: ImportColumn) => cell(col) || null;
  const code = (col: ImportColumn) => cell(col).toLowerCase() || undefined;
  const wholeNumber = (col: ImportColumn) => {
    const v = cell(col);
    if (v === '') return null;
    if (WHOLE_NUMBER.test(v)) return Number(v);
    problems.push({ field: col, code: 'import_whole_number' });
    return null;
  };
  const category = (col: keyof typeof CATEGORY_COLUMNS) => {
    const v = cell(col).toLowerCase();
    if (v === '') return null;
    const info = snapshot.byCode.get(`${CATEGORY_COLUMNS[col]}:${v}`);
    if (!info) problems.push({ field: col, code: 'import_unknown_code', params: { value: v } });
    return info?.id ?? null;
  };

  let startedAt: string | undefined;
  const when = cell('date_time');
  if (when === '') problems.push({ field: 'date_time', code: 'required' });
  else if (!(startedAt = parseDateTime(when, snapshot.timeZone) ?? undefined)) problems.push({ field: 'date_time', code: 'import_date_format' });

  const country = cell('country');
  const lower = country.toLowerCase();
  const input = {
    helplineId: snapshot.id,
    channel: code('channel'),
    kind: code('kind'),
    startedAt,
    durationMinutes: wholeNumber('duration_minutes'),
    whoId: category('who'),
    ageGroupId: category('age_group'),
    age: wholeNumber('age'),
    genderId: category('gender'),
    country: country === '' ? COUNTRY_NOT_ASKED : lower === COUNTRY_NOT_STATED || lower === COUNTRY_NOT_ASKED ? lower : country.toUpperCase(),
    bodyTypeId: category('body_type'),
    themes: themesOf(cell('themes'), snapshot, problems),
    summary: text('summary'),
    outcomes: cell('outcomes') === '' ? [] : cell('outcomes').split('|').map((o) => o.trim().toLowerCase()),
    referredToId: category('referred_to'),
  };
  return { input, problems };
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
    if (!info) problems.push({ field: 'themes', code: 'import_unknown_code', params: { value: c } });
    return info?.id;
  };
  return parsed.flatMap((t) => {
    const themeId = lookup('theme', t.theme);
    if (themeId === undefined) return []; // its subthemes cannot be judged without it
    const subthemeIds = t.subthemes.map((s) => lookup('subtheme', s)).filter((id): id is number => id !== undefined);
    return [{ themeId, subthemeIds }];
  });
}
