import type { z } from 'zod';
import { ContactInput } from '../../shared/schemas/contacts.js';
import { formatMessage } from '../../shared/i18n/messages.js';
import type { Locale } from '../../shared/enums.js';
import { AppError } from '../../server/errors.js';
import type { HelplineSnapshot } from '../helplines/snapshot.js';
import { contactProblems } from '../contacts/validate.js';
import { COLUMN_OF_FIELD, IMPORT_COLUMNS, REQUIRED_COLUMNS, type ImportColumn, type Table } from './columns.js';
import { FileProblem } from './file-problem.js';
import { rowToInput, type CellProblem, type ColumnIndex } from './parse-row.js';
import { isBlank } from './read-table.js';
import { errorCodeOf } from '../../shared/validation-codes.js';

export const MAX_REPORTED_ERRORS = 500;

export interface RowError {
  row: number;
  field: string;
  reason: string;
}

/** Checks the header: every required column present, none unknown or repeated. */
export function indexColumns(header: string[]): ColumnIndex {
  const known = new Set<string>(IMPORT_COLUMNS);
  const unknown = header.filter((h) => h !== '' && !known.has(h));
  if (unknown.length) throw new FileProblem('import_unknown_columns', { columns: unknown.join(', ') });
  const repeated = header.filter((h, i) => h !== '' && header.indexOf(h) !== i);
  if (repeated.length) throw new FileProblem('import_repeated_columns', { columns: [...new Set(repeated)].join(', ') });
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new FileProblem('import_missing_columns', { columns: missing.join(', ') });
  const index: ColumnIndex = {};
  header.forEach((h, i) => { if (h !== '') index[h as ImportColumn] = i; });
  return index;
}

/** Problems of one row; a column that already failed its cell check is not reported twice. */
function problemsOf(cells: string[], index: ColumnIndex, snapshot: HelplineSnapshot): { input?: ContactInput; problems: CellProblem[] } {
  const { input, problems } = rowToInput(cells, index, snapshot);
  const seen = new Set(problems.map((p) => p.field));
  const add = (field: ImportColumn | undefined, code: string, params?: CellProblem['params']) => {
    if (field && !seen.has(field)) { seen.add(field); problems.push({ field, code, params }); }
  };
  const parsed = ContactInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(COLUMN_OF_FIELD[String(issue.path[0])], errorCodeOf(issue.code, issue.code === 'invalid_type' && issue.input === undefined));
    return { problems };
  }
  for (const p of contactProblems(snapshot, parsed.data)) add(COLUMN_OF_FIELD[p.field.split('.')[0]], p.code, p.params);
  return { input: problems.length ? undefined : parsed.data, problems };
}

const CHUNK = 5000;

/**
 * Every data row as a ContactInput, or a 400 `import_invalid` listing what to fix: row numbers
 * as the spreadsheet shows them (header = row 1), the column, and a reason in the user's language.
 * While no row has failed, `onValid` receives the valid rows in chunks as they are checked, and
 * the loop yields between chunks, so the database writes one chunk while the next is checked.
 */
export async function validateRows(table: Table, snapshot: HelplineSnapshot, locale: Locale, onValid?: (chunk: ContactInput[]) => void): Promise<ContactInput[]> {
  const index = indexColumns(table.header);
  const inputs: ContactInput[] = [];
  const errors: RowError[] = [];
  let count = 0;
  let handedOver = 0;
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (isBlank(cells)) continue;
    const { input, problems } = problemsOf(cells, index, snapshot);
    if (input) inputs.push(input);
    for (const p of problems) {
      count++;
      if (errors.length < MAX_REPORTED_ERRORS) {
        errors.push({ row: i + 2, field: p.field, reason: formatMessage(locale, p.code, { ...p.params, field: p.field }) });
      }
    }
    if (onValid && !count && inputs.length - handedOver >= CHUNK) {
      onValid(inputs.slice(handedOver));
      handedOver = inputs.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (count) throw new AppError(400, 'import_invalid', undefined, { count }, { errors });
  if (!inputs.length) throw new FileProblem('import_no_rows');
  if (onValid && inputs.length > handedOver) onValid(inputs.slice(handedOver));
  return inputs;
}
