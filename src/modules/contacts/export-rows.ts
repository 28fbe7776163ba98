import type { HelplineSnapshot } from '../helplines/snapshot.js';
import { formatThemes, IMPORT_COLUMNS, type ImportColumn } from '../imports/columns.js';
import { formatLocalDateTime } from '../imports/local-time.js';
import type { ExportContactRow } from './export-queries.js';

/**
 * One contact as a row in the import format, in the helpline's codes and local time (with the
 * offset, so the file means the same instant wherever it is opened and can be imported again).
 */
export function contactCells(
  row: ExportContactRow,
  themes: { theme_id: number; subtheme_ids: number[] }[],
  snapshot: HelplineSnapshot,
): string[] {
  const code = (id: number | null) => (id === null ? '' : (snapshot.categories.get(id)?.code ?? ''));
  const text = (n: number | null) => (n === null ? '' : String(n));
  const cells: Record<ImportColumn, string> = {
    date_time: formatLocalDateTime(new Date(row.started_at), snapshot.timeZone),
    channel: row.channel,
    kind: row.kind,
    duration_minutes: text(row.duration_minutes),
    who: code(row.who_id),
    age_group: code(row.age_group_id),
    age: text(row.age),
    gender: code(row.gender_id),
    country: row.country,
    body_type: code(row.body_type_id),
    themes: formatThemes(themes.map((t) => ({ theme: code(t.theme_id), subthemes: t.subtheme_ids.map(code) }))),
    summary: ('summary' in row && row.summary) || '',
    outcomes: row.outcomes.join('|'),
    referred_to: code(row.referred_to_id),
  };
  return IMPORT_COLUMNS.map((c) => cells[c]);
}
