import { ContactInput } from '../../shared/schemas/contacts.js';
import { formatMessage } from '../../shared/i18n/messages.js';
import type { Locale } from '../../shared/enums.js';
import { AppError } from '../../server/errors.js';
import type { HelplineSnapshot } from '../helplines/snapshot.js';
import { contactProblems } from '../contacts/validate.js';
import { COPY_CHUNK_ROWS } from '../contacts/bulk-insert.js';
import { COLUMN_OF_FIELD, IMPORT_COLUMNS, REQUIRED_COLUMNS, type ImportColumn } from './columns.js';
import { FileProblem } from './file-problem.js';
import { rowToInput, type CellProblem, type ColumnIndex } from './parse-row.js';
import { isBlank, type TableStream } from './read-table.js';
import { errorCodeOf } from '../../shared/validation-codes.js';
import { excerptList } from './excerpt.js';
import { isTemplateExample } from './template.js';
import { timeSlices } from '../../server/time-slice.js';

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
  if (unknown.length) throw new FileProblem('import_unknown_columns', { columns: excerptList(unknown) });
  const repeated = header.filter((h, i) => h !== '' && header.indexOf(h) !== i);
  if (repeated.length) throw new FileProblem('import_repeated_columns', { columns: excerptList([...new Set(repeated)]) });
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new FileProblem('import_missing_columns', { columns: missing.join(', ') });
  const index: ColumnIndex = {};
  header.forEach((h, i) => { if (h !== '') index[h as ImportColumn] = i; });
  return index;
}

/** Problems of one row; a column that already failed its cell check is not reported twice. */
function problemsOf(cells: string[], index: ColumnIndex, snapshot: HelplineSnapshot): { input?: ContactInput; problems: CellProblem[] } {
  const { input, problems } = rowToInput(cells, index, snapshot);
  const parsed = ContactInput.safeParse(input);
  const more: { field: ImportColumn | undefined; code: string; params?: CellProblem['params'] }[] = parsed.success
    ? contactProblems(snapshot, parsed.data).map((p) => ({ field: COLUMN_OF_FIELD[p.field.split('.')[0]], code: p.code, params: p.params }))
    : parsed.error.issues.map((issue) => ({ field: COLUMN_OF_FIELD[String(issue.path[0])], code: errorCodeOf(issue.code, issue.code === 'invalid_type' && issue.input === undefined, issue.message) }));
  if (more.length) {
    const seen = new Set(problems.map((p) => p.field));
    for (const { field, code, params } of more) {
      if (field && !seen.has(field)) { seen.add(field); problems.push({ field, code, params }); }
    }
  }
  return { input: parsed.success && !problems.length ? parsed.data : undefined, problems };
}

const PROGRESS_EVERY = 250;

/**
 * Checks every data row of the table and hands the valid ones to `onValid` in chunks, or throws
 * a 400 `import_invalid` listing what to fix: row numbers as the spreadsheet shows them (header
 * = row 1), the column, and a reason in the user's language. Chunks are handed over only while no
 * row has failed, and the loop yields often, so the database writes one chunk while the next is
 * checked. Returns the number of valid rows.
 *
 * Rows are taken from the table as they are checked and no chunk is kept after it is handed
 * over, so a 100 000-row file is never held in memory whole, let alone twice (which made garbage
 * collection a quarter of an import's time).
 */
export interface ValidateOptions {
  /** Rows per chunk handed to `onValid` (asked again for each chunk). */
  chunkRows?: () => number;
  /** Called now and then with the number of data rows checked so far. */
  onChecked?: (rows: number) => void;
}

export async function validateRows(
  table: TableStream,
  snapshot: HelplineSnapshot,
  locale: Locale,
  // May return a promise to hold the checking back while the writer catches up.
  onValid: (chunk: ContactInput[]) => void | Promise<void>,
  options: ValidateOptions = {},
): Promise<number> {
  const chunkRows = options.chunkRows ?? (() => COPY_CHUNK_ROWS);
  let limit = chunkRows();
  const index = indexColumns(table.header);
  let chunk: ContactInput[] = [];
  const errors: RowError[] = [];
  let valid = 0;
  let count = 0;
  let i = -1;
  const slices = timeSlices();
  for (const cells of table.rows) {
    i++;
    if (isBlank(cells)) continue;
    const { input, problems } = isTemplateExample(cells, index)
      ? { input: undefined, problems: [{ field: 'summary' as const, code: 'import_template_example' }] }
      : problemsOf(cells, index, snapshot);
    if (input) {
      valid++;
      if (!count) chunk.push(input);
    }
    for (const p of problems) {
      count++;
      if (errors.length < MAX_REPORTED_ERRORS) {
        errors.push({ row: i + 2, field: p.field, reason: formatMessage(locale, p.code, { ...p.params, field: p.field }) });
      }
    }
    if (!count && chunk.length >= limit) {
      const wait = onValid(chunk);
      chunk = [];
      limit = chunkRows();
      if (wait) await wait;
    }
    // Yield often: the database connection gets its next statement only when this loop lets
    // the event loop run, so long stretches of checking would leave the database idle, and
    // counsellors' requests wait behind each stretch.
    if (i % PROGRESS_EVERY === 0) options.onChecked?.(i + 1);
    if (slices.due()) await slices.next();
  }
  if (count) throw new AppError(400, 'import_invalid', undefined, { count }, { errors });
  if (!valid) throw new FileProblem('import_no_rows');
  options.onChecked?.(i + 1);
  if (chunk.length) await onValid(chunk);
  return valid;
}
