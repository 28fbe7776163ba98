import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../server/errors.js';
import { writeAudit } from '../audit/service.js';
import { hsdsValidator } from './hsds-schemas.js';
import { rebuildSearchIndex } from './search/build-index.js';
import { ATTRIBUTE_ENTITIES, KINDS, LIST_NAMES, type DirectoryDataSet, type ListName } from './kinds.js';

export interface DataSetIssue {
  /** Where, as `services.3.name`: the list, the record's place in it, the field. */
  field: string;
  code: 'required' | 'invalid_value' | 'duplicate_id' | 'unknown_link' | 'nested_list' | 'unknown_list';
  detail?: string;
}

type Row = { kind: string; id: string; doc: string; organization_id: string | null; service_id: string | null; location_id: string | null; service_at_location_id: string | null; link_id: string | null; sort_name: string };

/** Lists nested inside a record are given at the top level of the data set, once, linked by id. */
const isNestedList = (value: unknown) => Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object');

/**
 * Checks a whole data set before anything is written: each record against its official HSDS 3.0
 * schema, ids unique per kind, and every link pointing at a record of the set. Returns every issue
 * found (not just the first), so a coordinator can fix a file in one go.
 */
export function checkDataSet(data: unknown): { rows: Row[]; issues: DataSetIssue[] } {
  const issues: DataSetIssue[] = [];
  const rows: Row[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { rows, issues: [{ field: 'body', code: 'invalid_value' }] };
  for (const key of Object.keys(data)) if (!(LIST_NAMES as string[]).includes(key) && key !== 'hsds_version') issues.push({ field: key, code: 'unknown_list' });
  const set = data as DirectoryDataSet;
  const ids = new Map<string, Set<string>>();
  for (const list of LIST_NAMES) {
    const records = set[list];
    if (records === undefined) continue;
    if (!Array.isArray(records)) {
      issues.push({ field: list, code: 'invalid_value' });
      continue;
    }
    const seen = ids.get(KINDS[list].kind) ?? new Set<string>();
    ids.set(KINDS[list].kind, seen);
    const validate = hsdsValidator(KINDS[list].schema);
    records.forEach((record, i) => {
      const at = `${list}.${i}`;
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        issues.push({ field: at, code: 'invalid_value' });
        return;
      }
      for (const [name, value] of Object.entries(record)) if (isNestedList(value)) issues.push({ field: `${at}.${name}`, code: 'nested_list' });
      if (!validate(record)) {
        for (const e of validate.errors ?? []) {
          const missing = e.keyword === 'required' ? String((e.params as { missingProperty: string }).missingProperty) : undefined;
          const field = `${at}${e.instancePath.replace(/\//g, '.')}${missing ? `.${missing}` : ''}`;
          // Nested lists are reported once, above; their inner schema errors would only repeat it.
          if (issues.some((x) => x.code === 'nested_list' && field.startsWith(x.field))) continue;
          issues.push({ field, code: missing ? 'required' : 'invalid_value', detail: missing ? undefined : e.message });
        }
        return;
      }
      // The schemas allow any URI; a directory read by the public takes web addresses only.
      for (const field of ['url', 'website']) {
        const value = record[field];
        if (typeof value === 'string' && !/^https?:\/\//i.test(value)) issues.push({ field: `${at}.${field}`, code: 'invalid_value', detail: 'http(s) address' });
      }
      if (list === 'phones' && !/\d[\s().-]*\d/.test(String(record.number ?? ''))) issues.push({ field: `${at}.number`, code: 'invalid_value' });
      const id = String(record.id).toLowerCase();
      if (seen.has(id)) issues.push({ field: `${at}.id`, code: 'duplicate_id', detail: id });
      seen.add(id);
    });
  }
  if (issues.length) return { rows, issues };

  // Links, now that every id is known.
  const has = (kind: string, id: unknown) => typeof id === 'string' && (ids.get(kind)?.has(id.toLowerCase()) ?? false);
  for (const list of LIST_NAMES) {
    (set[list] ?? []).forEach((record, i) => {
      const links = KINDS[list].links as Record<string, string>;
      for (const [field, kind] of Object.entries(links)) {
        const value = record[field];
        if (value !== undefined && value !== null && !has(kind, value)) issues.push({ field: `${list}.${i}.${field}`, code: 'unknown_link', detail: String(value) });
      }
      if (list === 'service_at_locations' && (!record.service_id || !record.location_id)) issues.push({ field: `${list}.${i}.${record.service_id ? 'location_id' : 'service_id'}`, code: 'required' });
      if (list === 'attributes') {
        const entity = ATTRIBUTE_ENTITIES[String(record.link_entity ?? '')];
        if (!entity) issues.push({ field: `${list}.${i}.link_entity`, code: 'invalid_value' });
        else if (!has(entity, record.link_id)) issues.push({ field: `${list}.${i}.link_id`, code: 'unknown_link', detail: String(record.link_id ?? '') });
        if (!record.taxonomy_term_id) issues.push({ field: `${list}.${i}.taxonomy_term_id`, code: 'required' });
      }
      rows.push(rowOf(list, record));
    });
  }
  return { rows: issues.length ? [] : rows, issues };
}

const idOrNull = (v: unknown) => (typeof v === 'string' && v ? v.toLowerCase() : null);

export function rowOf(list: ListName, record: Record<string, unknown>): Row {
  return {
    kind: KINDS[list].kind,
    id: String(record.id).toLowerCase(),
    doc: JSON.stringify(record),
    organization_id: idOrNull(record.organization_id),
    service_id: idOrNull(record.service_id),
    location_id: idOrNull(record.location_id),
    service_at_location_id: idOrNull(record.service_at_location_id),
    // What else a record hangs on: an attribute's entity, a language's phone, a term's taxonomy.
    link_id: idOrNull(record.link_id ?? record.phone_id ?? record.taxonomy_id),
    sort_name: String(record.name ?? record.number ?? record.address_1 ?? '').toLocaleLowerCase('nb'),
  };
}

const CHUNK = 500;

/**
 * Replaces the whole directory with a data set, all or nothing: checked first, then written in one
 * transaction with an audit row, so a reader sees the old directory or the new one, never a mix.
 */
export async function importDataSet(db: Db, actorId: string | null, data: unknown): Promise<Record<string, number>> {
  const { rows, issues } = checkDataSet(data);
  if (issues.length) throw new AppError(400, 'directory_invalid', issues[0].field, { count: issues.length, where: issues[0].field }, { issues: issues.slice(0, 200) });
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM directory_records`.execute(trx);
    for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('directory_records').values(rows.slice(i, i + CHUNK)).execute();
    await rebuildSearchIndex(trx);
    await writeAudit(trx, { actorId, action: 'directory.import', entity: 'directory', detail: { counts } });
  });
  return counts;
}

/** The whole directory as a data set that `importDataSet` takes back unchanged. */
export async function exportDataSet(db: Db): Promise<DirectoryDataSet & { hsds_version: string }> {
  const records = await db.selectFrom('directory_records').select(['kind', 'doc']).orderBy('kind').orderBy('sort_name').orderBy('id').execute();
  const out: DirectoryDataSet & { hsds_version: string } = { hsds_version: '3.0' };
  for (const list of LIST_NAMES) out[list] = records.filter((r) => r.kind === KINDS[list].kind).map((r) => r.doc);
  return out;
}
