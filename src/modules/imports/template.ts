import { versionAt, type CategoryInfo, type HelplineSnapshot } from '../helplines/snapshot.js';
import { formatThemes, IMPORT_COLUMNS, type ImportColumn, type Table } from './columns.js';
import type { ColumnIndex } from './parse-row.js';

/**
 * The example row's summary, in the helpline's language. It starts with a marker the importer
 * recognises, so a template sent back untouched is refused instead of adding a made-up contact.
 */
export const EXAMPLE_SUMMARY = {
  nb: 'EKSEMPEL – slett denne raden og skriv inn egne henvendelser',
  da: 'EKSEMPEL – slet denne række og skriv jeres egne henvendelser',
} as const;

/** The marker, and the English example of earlier templates. */
const EXAMPLE_MARKER = /^(EKSEMPEL –|Example – replace this row)/;

/** Whether a row is the template's example row (by its summary's marker). */
export function isTemplateExample(cells: string[], index: ColumnIndex): boolean {
  const i = index.summary;
  return i !== undefined && EXAMPLE_MARKER.test(cells[i] ?? '');
}

/**
 * The template: the header and one example row in the helpline's own codes, valid as it stands,
 * so a user sees every column filled in and can check the importer with it before adding data.
 */
export function templateTable(snapshot: HelplineSnapshot, now = new Date()): Table {
  const date = `${now.getUTCFullYear() - 1}-03-05`;
  const inUse = (dimension: string, parentId?: number) =>
    [...snapshot.categories.values()]
      .filter((c) => c.dimension === dimension && (parentId === undefined || c.parentId === parentId) && !versionAt(c, date).retired)
      .sort((a, b) => a.id - b.id);
  const first = (dimension: string): CategoryInfo | undefined => inUse(dimension)[0];

  const ageGroup = inUse('age_group').find((g) => g.minAge !== null && g.maxAge !== null);
  const themes = inUse('theme');
  const withSubs = themes.find((t) => inUse('subtheme', t.id).length) ?? themes[0];
  const other = themes.find((t) => t !== withSubs);
  const themeCell = formatThemes([
    ...(withSubs ? [{ theme: withSubs.code, subthemes: inUse('subtheme', withSubs.id).slice(0, 2).map((s) => s.code) }] : []),
    ...(other ? [{ theme: other.code, subthemes: [] }] : []),
  ]);
  const referredTo = first('body_type');

  const example: Record<ImportColumn, string> = {
    date_time: `${date} 10:30`,
    channel: snapshot.channels[0] ?? 'telephone',
    kind: 'first_contact',
    duration_minutes: '15',
    who: first('who')?.code ?? '',
    age_group: ageGroup?.code ?? '',
    age: ageGroup ? String(Math.floor((ageGroup.minAge! + ageGroup.maxAge!) / 2)) : '',
    gender: first('gender')?.code ?? '',
    country: 'NO',
    body_type: first('body_type')?.code ?? '',
    themes: themeCell,
    summary: EXAMPLE_SUMMARY[snapshot.language ?? 'nb'],
    outcomes: referredTo ? 'advice_given|referred' : 'advice_given',
    referred_to: referredTo?.code ?? '',
  };
  return { header: [...IMPORT_COLUMNS], rows: [IMPORT_COLUMNS.map((c) => example[c])] };
}
