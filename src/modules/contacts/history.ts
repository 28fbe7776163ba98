import { isDeepStrictEqual } from 'node:util';
import type { ContactResponse } from '../../shared/schemas/contacts.js';

/** The fields a person edits, in the form's order; ids, versions and timestamps are not shown. */
export const HISTORY_FIELDS = [
  'channel', 'kind', 'startedAt', 'durationMinutes', 'whoId', 'ageGroupId', 'age', 'genderId',
  'country', 'themes', 'bodyTypeId', 'summary', 'outcomes', 'referredToId',
] as const;

type Snapshot = Partial<Record<string, unknown>>;

/** Order does not make a change: themes, subthemes and outcomes are compared as sets. */
function comparable(field: string, value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (field === 'outcomes' && Array.isArray(value)) return [...value].sort();
  if (field === 'themes' && Array.isArray(value)) {
    return (value as ContactResponse['themes'])
      .map((t) => ({ themeId: t.themeId, subthemeIds: [...(t.subthemeIds ?? [])].sort((a, b) => a - b) }))
      .sort((a, b) => a.themeId - b.themeId);
  }
  if (field === 'startedAt' && typeof value === 'string') return new Date(value).getTime();
  return value;
}

/** What one edit changed, field by field: the value before and after, as stored. */
export function fieldChanges(before: Snapshot, after: Snapshot) {
  return HISTORY_FIELDS.filter((field) => !isDeepStrictEqual(comparable(field, before[field]), comparable(field, after[field]))).map((field) => ({
    field,
    before: comparable(field, before[field]) === null ? null : before[field],
    after: comparable(field, after[field]) === null ? null : after[field],
  }));
}
