/**
 * The import file format, shared by the importer, the template and the contact export, so an
 * export can always be imported again. docs/import-format.md describes it for users.
 */
export const IMPORT_COLUMNS = [
  'date_time', 'channel', 'kind', 'duration_minutes', 'who', 'age_group', 'age', 'gender',
  'country', 'body_type', 'themes', 'summary', 'outcomes', 'referred_to',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['date_time', 'channel', 'kind'];

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Columns holding a category code, and the taxonomy dimension the code belongs to. */
export const CATEGORY_COLUMNS = {
  who: 'who',
  age_group: 'age_group',
  gender: 'gender',
  body_type: 'body_type',
  referred_to: 'body_type',
} as const satisfies Partial<Record<ImportColumn, string>>;

/** The column a ContactInput field comes from, to report form-rule problems where the user can fix them. */
export const COLUMN_OF_FIELD: Record<string, ImportColumn> = {
  startedAt: 'date_time', channel: 'channel', kind: 'kind', durationMinutes: 'duration_minutes',
  whoId: 'who', ageGroupId: 'age_group', age: 'age', genderId: 'gender', country: 'country',
  bodyTypeId: 'body_type', themes: 'themes', summary: 'summary', outcomes: 'outcomes', referredToId: 'referred_to',
};

/** A header and its data rows, every cell as text (empty string = not stated). */
export interface Table {
  header: string[];
  rows: string[][];
}

/** Themes as written in a cell: `theme(sub,sub)|theme`. */
export function formatThemes(themes: { theme: string; subthemes: string[] }[]): string {
  return themes.map((t) => (t.subthemes.length ? `${t.theme}(${t.subthemes.join(',')})` : t.theme)).join('|');
}

const THEME_PART = /^([a-z0-9_]+)\s*(?:\(([a-z0-9_,\s]*)\))?$/;

/** Reads a themes cell; null when it does not follow the `theme(sub,sub)|theme` pattern. */
export function parseThemes(cell: string): { theme: string; subthemes: string[] }[] | null {
  const out: { theme: string; subthemes: string[] }[] = [];
  for (const part of cell.toLowerCase().split('|')) {
    const m = THEME_PART.exec(part.trim());
    if (!m) return null;
    const subthemes = (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    out.push({ theme: m[1], subthemes });
  }
  return out;
}
