/**
 * Lists of rows in a form (phones, opening hours, places) whose blank rows (added, never filled in)
 * are left out of the request. The API names a field by its place in the request
 * (`schedules.1.opens_at`), so the form maps that place back to its own row to show the error there.
 */

/** The indexes of the rows that are sent. */
export function sentIndexes<T>(rows: T[], blank: (row: T) => boolean): number[] {
  return rows.flatMap((row, i) => (blank(row) ? [] : [i]));
}

/** The form's name for a field the API named: `schedules.1.opens_at` is `schedules.2.opens_at` when row 1 was blank. */
export function formFieldOf(field: string | undefined, sent: Record<string, number[]>): string | undefined {
  if (!field) return field;
  const [list, index, ...rest] = field.split('.');
  const row = sent[list]?.[Number(index)];
  return row === undefined ? field : [list, String(row), ...rest].join('.');
}
