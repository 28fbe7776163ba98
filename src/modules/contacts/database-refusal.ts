import { AppError } from '../../server/errors.js';

/** The request field behind each column of `contacts` a registration fills in from its input. */
const FIELD_OF_COLUMN: Record<string, string> = {
  helpline_id: 'helplineId', channel: 'channel', kind: 'kind', started_at: 'startedAt', duration_minutes: 'durationMinutes',
  who_id: 'whoId', age_group_id: 'ageGroupId', age: 'age', gender_id: 'genderId', country: 'country',
  body_type_id: 'bodyTypeId', summary: 'summary', outcomes: 'outcomes', referred_to_id: 'referredToId',
};

/**
 * A registration the database refused for a rule the validation did not know (a check or a key
 * on a column the user filled in), as the 400 naming that field, instead of a 500. PostgreSQL
 * names a column's constraint `contacts_<column>_check` or `_fkey`; anything else (the author's
 * key, the audit row) is not the user's input and stays an internal error.
 */
export function refusalOf(err: unknown): AppError | null {
  const { code, table, constraint, column } = (err ?? {}) as { code?: unknown; table?: unknown; constraint?: unknown; column?: unknown };
  // Class 23: integrity constraint violation.
  if (typeof code !== 'string' || !code.startsWith('23') || table !== 'contacts') return null;
  const named = typeof column === 'string' ? column : typeof constraint === 'string' ? /^contacts_(\w+)_(?:check|fkey)$/.exec(constraint)?.[1] : undefined;
  const field = named === undefined ? undefined : FIELD_OF_COLUMN[named];
  return field ? new AppError(400, 'invalid_value', field) : null;
}
