import { sql } from 'kysely';
import type { Db } from '../../../db/connection.js';
import type { DirectorySearchTable } from '../../../db/types.js';
import { fold, wordsOf } from './text.js';
import { weeklyHours } from './hours.js';
import { cardOf } from './card.js';

type Doc = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const key = (v: unknown) => String(v ?? '').toLowerCase();

/** What one service contributes to the search: its texts by weight and its filter values (the table's columns). */
type SearchRow = Omit<DirectorySearchTable, 'service_id' | 'terms' | 'card' | 'generation' | 'hours'> & {
  id: string;
  /** Names: the strongest match. */
  a: string;
  /** Who runs it, whom it is for, what it helps with, where: a good match. */
  b: string;
  /** Descriptions, eligibility, how to apply. */
  c: string;
  /** The weekly hours as JSON text, as the statement takes them. */
  hours: string;
  card: ReturnType<typeof cardOf>;
};

const group = (docs: Doc[], field: string) => {
  const out = new Map<string, Doc[]>();
  for (const d of docs) {
    const k = key(d[field]);
    if (k) out.set(k, [...(out.get(k) ?? []), d]);
  }
  return out;
};

/** National service areas: a service for the whole country serves every municipality in it. */
export const COUNTRY_AREAS: Record<string, string> = { norge: 'Europe/Oslo', norway: 'Europe/Oslo', danmark: 'Europe/Copenhagen', denmark: 'Europe/Copenhagen' };

const KINDS_USED = ['service', 'organization', 'attribute', 'taxonomy_term', 'service_area', 'language', 'schedule', 'service_at_location', 'location', 'address', 'phone'];

/** Every record the search rows are built from. */
async function allRecords(trx: Db): Promise<{ kind: string; doc: Doc }[]> {
  return trx.selectFrom('directory_records').select(['kind', 'doc']).where('kind', 'in', KINDS_USED).execute();
}

/** The records one service's search row is built from: its own, its organisation's, its locations', its terms. */
async function recordsOfService(trx: Db, serviceId: string): Promise<{ kind: string; doc: Doc }[]> {
  const id = serviceId.toLowerCase();
  const own = await trx.selectFrom('directory_records').select(['kind', 'doc', 'id']).where((eb) => eb.or([
    eb.and([eb('kind', '=', 'service'), eb('id', '=', id)]), eb('service_id', '=', id), eb('link_id', '=', id),
  ])).execute();
  const service = own.find((r) => r.kind === 'service');
  const locationIds = own.filter((r) => r.kind === 'service_at_location').map((r) => key(r.doc.location_id));
  const termIds = own.filter((r) => r.kind === 'attribute').map((r) => key(r.doc.taxonomy_term_id));
  const orgId = service ? key(service.doc.organization_id) : '';
  const related = await trx.selectFrom('directory_records').select(['kind', 'doc']).where((eb) => eb.or([
    eb.and([eb('kind', '=', 'organization'), eb('id', '=', orgId || '00000000-0000-0000-0000-000000000000')]),
    ...(termIds.length ? [eb.and([eb('kind', '=', 'taxonomy_term'), eb('id', 'in', termIds)])] : []),
    ...(locationIds.length ? [eb.and([eb('kind', '=', 'location'), eb('id', 'in', locationIds)]), eb.and([eb('kind', 'in', ['address', 'schedule', 'phone']), eb('location_id', 'in', locationIds)])] : []),
  ])).execute();
  const seen = new Set<unknown>();
  // A phone of the service at one of its locations is found both ways: it counts once.
  return [...own.filter((r) => KINDS_USED.includes(r.kind)), ...related].filter((r) => r.kind !== 'phone' || (!seen.has(r.doc.id) && seen.add(r.doc.id)));
}

/**
 * The next generation of the search rows, in the caller's transaction; a rebuild of every service
 * also marks that nodes must read all rows again (a service may be gone). The state row stays
 * locked until the transaction ends, so generations become visible in the order they were taken.
 */
async function nextGeneration(trx: Db, whole: boolean): Promise<string> {
  const { rows } = await sql<{ g: string }>`
    UPDATE directory_search_state SET generation = generation + 1 ${whole ? sql`, rebuilt_generation = generation + 1` : sql``} RETURNING generation::text AS g
  `.execute(trx);
  return rows[0].g;
}

/**
 * Rebuilds the search rows from the directory's records, in the caller's transaction: an import
 * (every service) or an edit (one service) and its search rows change together, so a search never
 * finds a service that is gone or misses one that is there. After one service's edit its new words
 * are added to the word list; how many services use each word is recounted by the next import.
 */
export async function rebuildSearchIndex(trx: Db, serviceId?: string): Promise<void> {
  const records = serviceId ? await recordsOfService(trx, serviceId) : await allRecords(trx);
  const of = (kind: string) => records.filter((r) => r.kind === kind).map((r) => r.doc);
  const orgs = new Map(of('organization').map((o) => [key(o.id), o]));
  const terms = new Map(of('taxonomy_term').map((t) => [key(t.id), t]));
  const attributes = group(of('attribute'), 'link_id');
  const areas = group(of('service_area'), 'service_id');
  const languages = group(of('language'), 'service_id');
  const schedules = group(of('schedule'), 'service_id');
  const locationSchedules = group(of('schedule'), 'location_id');
  const sals = group(of('service_at_location'), 'service_id');
  const addresses = group(of('address'), 'location_id');
  const locations = new Map(of('location').map((l) => [key(l.id), l]));
  const servicePhones = group(of('phone'), 'service_id');
  const locationPhones = group(of('phone'), 'location_id');

  const rows: SearchRow[] = [];
  const words = new Map<string, { word: string; services: number }>();
  for (const s of of('service')) {
    const id = key(s.id);
    const org = orgs.get(key(s.organization_id));
    const attrs = (attributes.get(id) ?? []).map((a) => ({ type: str(a.link_type), term: terms.get(key(a.taxonomy_term_id)) })).filter((a) => a.term);
    const codesOf = (type: string) => attrs.filter((a) => a.type === type).map((a) => str(a.term!.code) || key(a.term!.id));
    const locs = (sals.get(id) ?? []).map((sal) => locations.get(key(sal.location_id))).filter((l): l is Doc => !!l);
    const places = [
      ...(areas.get(id) ?? []).map((a) => str(a.name)),
      ...locs.flatMap((l) => (addresses.get(key(l.id)) ?? []).flatMap((ad) => [str(ad.city), str(ad.region), str(ad.state_province)])),
    ].filter(Boolean);
    const langCodes = (languages.get(id) ?? []).map((l) => str(l.code).toLowerCase()).filter(Boolean);
    const danish = langCodes.includes('da') || places.some((p) => COUNTRY_AREAS[p.toLowerCase()] === 'Europe/Copenhagen') || locs.some((l) => (addresses.get(key(l.id)) ?? []).some((ad) => ad.country === 'DK'));
    const hours = weeklyHours([...(schedules.get(id) ?? []), ...locs.flatMap((l) => locationSchedules.get(key(l.id)) ?? [])]);
    const timeZone = danish ? 'Europe/Copenhagen' : 'Europe/Oslo';
    // The service as fullServices nests it, for its card.
    const full = {
      ...s,
      ...(org ? { organization: org } : {}),
      phones: servicePhones.get(id) ?? [],
      schedules: schedules.get(id) ?? [],
      service_areas: areas.get(id) ?? [],
      service_at_locations: (sals.get(id) ?? []).map((sal) => {
        const l = locations.get(key(sal.location_id));
        return { ...sal, location: l && { ...l, addresses: addresses.get(key(l.id)) ?? [], phones: locationPhones.get(key(l.id)) ?? [], schedules: locationSchedules.get(key(l.id)) ?? [] } };
      }),
      attributes: (attributes.get(id) ?? []).map((x) => ({ ...x, taxonomy_term: terms.get(key(x.taxonomy_term_id)) })),
    };
    // Composed (NFC), as the query's words are: an "Å" written as "A" and a ring is found as "Å".
    const a = [s.name, s.alternate_name].map(str).join(' ').normalize('NFC');
    const b = [org?.name, org?.alternate_name, ...attrs.map((x) => x.term!.name), ...places].map(str).join(' ').normalize('NFC');
    const c = [s.description, s.eligibility_description, s.application_process, s.fees_description, ...attrs.map((x) => x.term!.description)].map(str).join(' ').normalize('NFC');
    const own = new Map<string, string>();
    for (const w of wordsOf(`${a} ${b} ${c}`)) if (w.length >= 3 && !/^\d+$/.test(w) && !own.has(fold(w))) own.set(fold(w), w);
    for (const [folded, w] of own) {
      const entry = words.get(folded);
      if (entry) entry.services++;
      else words.set(folded, { word: w, services: 1 });
    }
    rows.push({
      id,
      sort_name: str(s.name).normalize('NFC').toLocaleLowerCase('nb'),
      a, b, c,
      target_groups: codesOf('target_group'),
      needs: codesOf('need'),
      // As the directory writes them, once each whatever the case: the filter offers them so.
      areas: [...new Map(places.map((p) => [p.toLocaleLowerCase('nb'), p])).values()],
      languages: [...new Set(langCodes)],
      minimum_age: typeof s.minimum_age === 'number' ? s.minimum_age : null,
      maximum_age: typeof s.maximum_age === 'number' ? s.maximum_age : null,
      time_zone: timeZone,
      hours: JSON.stringify(hours),
      card: cardOf(full, timeZone),
    });
  }

  const generation = await nextGeneration(trx, !serviceId);
  if (serviceId) {
    await sql`DELETE FROM directory_search WHERE service_id = ${serviceId.toLowerCase()}::uuid`.execute(trx);
  } else {
    await sql`DELETE FROM directory_search`.execute(trx);
    await sql`DELETE FROM directory_words`.execute(trx);
  }
  for (let i = 0; i < rows.length; i += 500) {
    // Each text is stemmed in all three languages and kept unstemmed, so a query in any of them
    // (or a name, a number) meets its own forms; each lexeme is kept with the weights of the
    // fields it stands in, which is all the ranking needs (search/memory-index.ts).
    await sql`
      INSERT INTO directory_search (service_id, sort_name, terms, card, generation, target_groups, needs, areas, languages, minimum_age, maximum_age, time_zone, hours)
      SELECT r.id, r.sort_name,
        COALESCE((SELECT string_agg(v.lexeme || ' ' || array_to_string(v.weights, ''), ' ') FROM unnest(
        setweight(to_tsvector('norwegian', r.a), 'A') || setweight(to_tsvector('danish', r.a), 'A') || setweight(to_tsvector('english', r.a), 'A') || setweight(to_tsvector('simple', r.a), 'A') ||
        setweight(to_tsvector('norwegian', r.b), 'B') || setweight(to_tsvector('danish', r.b), 'B') || setweight(to_tsvector('english', r.b), 'B') || setweight(to_tsvector('simple', r.b), 'B') ||
        setweight(to_tsvector('norwegian', r.c), 'C') || setweight(to_tsvector('danish', r.c), 'C') || setweight(to_tsvector('english', r.c), 'C') || setweight(to_tsvector('simple', r.c), 'C')) AS v), ''),
        r.card, ${generation}::bigint, r.target_groups, r.needs, r.areas, r.languages, r.minimum_age, r.maximum_age, r.time_zone, r.hours::jsonb
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 500))}::jsonb) AS r(id uuid, sort_name text, a text, b text, c text, card jsonb, target_groups text[], needs text[], areas text[], languages text[], minimum_age integer, maximum_age integer, time_zone text, hours text)
    `.execute(trx);
  }
  // Fresh statistics after a whole rebuild: a node behind by an edit asks for the rows newer than
  // its generation, and on stale statistics PostgreSQL planned (and JIT-compiled) that for millions of rows.
  if (!serviceId) await sql`ANALYZE directory_search`.execute(trx);
  const list = [...words].map(([folded, { word, services }]) => ({ folded, word, services }));
  for (let i = 0; i < list.length; i += 2000) await trx.insertInto('directory_words').values(list.slice(i, i + 2000)).onConflict((oc) => oc.column('folded').doNothing()).execute();
}

/**
 * Search rows written before they kept their card and lexemes (migration 202612031200) are built
 * again once, at start, from the records they come from.
 */
export async function rebuildOutdatedSearchRows(db: Db): Promise<boolean> {
  const outdated = await db.selectFrom('directory_search').select('service_id').where(sql<boolean>`card = '{}'::jsonb`).limit(1).executeTakeFirst();
  if (!outdated) return false;
  await db.transaction().execute((trx) => rebuildSearchIndex(trx));
  return true;
}
