import { sql, type SqlBool, type Expression } from 'kysely';
import type { Db } from '../../../db/connection.js';
import { AppError } from '../../../server/errors.js';
import { isOpenAt, minuteOfWeek } from '../../../shared/opening-hours.js';
import { fullServices } from '../documents.js';
import { COUNTRY_AREAS } from './build-index.js';
import { synonymsOf } from './synonyms.js';
import { fold, wordsOf } from './text.js';

export interface SearchParams {
  q?: string;
  targetGroup?: string;
  need?: string;
  municipality?: string;
  age?: number;
  language?: string;
  openNow?: boolean;
  limit: number;
  cursor?: string;
}

type Doc = Record<string, unknown>;

/** A query word this short is taken as written: correcting "hjem" or "ung" would guess wildly. */
const MIN_CORRECTED = 5;
/** How alike (pg_trgm similarity of the folded words) a known word must be to replace a misspelt one. */
const CORRECTION_SIMILARITY = 0.4;
/** The most words of a query that count; a pasted paragraph searches by its first ones. */
const MAX_WORDS = 12;
/** Words a synonym adds count this much beside the words the person wrote. */
const SYNONYM_WEIGHT = 0.5;

/**
 * Each query word with the directory's word it most resembles when it is misspelt: a word no
 * service uses and that is no stop word is looked up by trigram similarity among the words the
 * services do use (folded, so "asylsokar" meets "asylsøker").
 */
async function withCorrections(db: Db, words: string[]): Promise<string[][]> {
  const long = [...new Set(words.filter((w) => w.length >= MIN_CORRECTED && !/^\d+$/.test(w)))];
  if (!long.length) return words.map((w) => [w]);
  const rows = await sql<{ w: string; best: string | null }>`
    SELECT q.w, CASE
      WHEN EXISTS (SELECT 1 FROM directory_words d WHERE d.folded = q.f) THEN NULL
      WHEN numnode(plainto_tsquery('norwegian', q.w)) = 0 OR numnode(plainto_tsquery('danish', q.w)) = 0 OR numnode(plainto_tsquery('english', q.w)) = 0 THEN NULL
      ELSE (SELECT d.word FROM directory_words d WHERE d.folded % q.f AND similarity(d.folded, q.f) >= ${CORRECTION_SIMILARITY}
            ORDER BY similarity(d.folded, q.f) DESC, d.folded LIMIT 1)
    END AS best
    FROM unnest(${long}::text[], ${long.map(fold)}::text[]) AS q(w, f)
  `.execute(db);
  const best = new Map(rows.rows.map((r) => [r.w, r.best]));
  return words.map((w) => (best.get(w) ? [w, best.get(w)!] : [w]));
}

/** Words as a to_tsquery OR-expression; words of four letters or more also match as prefixes ("krise" → "krisesenter"). */
const orQuery = (words: string[]) => [...new Set(words)].map((w) => (w.length >= 4 ? `${w}:*` : w)).join(' | ');

/** The same expression read in each language the directory is written in, and unstemmed. */
const tsquery = (text: string) =>
  sql`(to_tsquery('norwegian', ${text}) || to_tsquery('danish', ${text}) || to_tsquery('english', ${text}) || to_tsquery('simple', ${text}))`;

/**
 * The terms a query is scored by: each word the person wrote (with its correction), and at a
 * lower weight the synonyms it stands for. Stop words ("og", "the") drop out as empty queries.
 */
function termsOf(words: string[][]): { text: string; weight: number }[] {
  const terms: { text: string; weight: number }[] = [];
  const seen = new Set<string>();
  for (const forms of words) {
    const key = forms.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ text: orQuery(forms), weight: 1 });
    const synonyms = [...new Set(forms.flatMap((w) => synonymsOf(w).flatMap(wordsOf)))].filter((w) => !forms.includes(w));
    if (synonyms.length) terms.push({ text: orQuery(synonyms), weight: SYNONYM_WEIGHT });
  }
  return terms;
}

interface Cursor {
  r: string;
  n: string;
  i: string;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.r === 'string' && typeof c.n === 'string' && typeof c.i === 'string' && /^[0-9a-f-]{36}$/.test(c.i) && Number.isFinite(Number(c.r))) return c;
  } catch {
    // falls through to the error below
  }
  throw new AppError(400, 'invalid_value', 'cursor');
}

/**
 * Searches the directory's services (issue 10 point 3). Words are matched stemmed in Norwegian,
 * Danish and English, as prefixes, with misspellings corrected and synonyms added at a lower
 * weight; any word may match, and services matching more of them, and in their names, rank first.
 * Filters narrow in SQL, "open now" included, so every page is as long as it can be. Without
 * words, services are listed by name. Pages are taken by key (the last hit's rank, name and id).
 */
export async function searchServices(db: Db, params: SearchParams, now = new Date()) {
  const words = wordsOf(params.q ?? '').slice(0, MAX_WORDS);
  const forms = words.length ? await withCorrections(db, words) : [];
  const terms = termsOf(forms);
  // Each term weighs by how rare it is among the services (inverse document frequency): in
  // "leksehjelp bergen" a service named for homework help outranks one that only lies in Bergen.
  const termRows = terms.map((t) => sql`(${tsquery(t.text)}, ${t.weight}::float8)`);
  const scored = terms.length
    ? sql`, terms AS (
        SELECT t.q, t.w * ln(1 + (SELECT count(*) FROM directory_search)::float8 / (1 + (SELECT count(*) FROM directory_search x WHERE x.document @@ t.q))) AS weight
        FROM (VALUES ${sql.join(termRows)}) AS t(q, w)
      )`
    : sql``;
  const any = terms.length ? tsquery(orQuery(terms.flatMap((t) => t.text.split(' | ').map((x) => x.replace(/:\*$/, ''))))) : null;
  const rank = terms.length
    ? sql<number>`(SELECT sum(terms.weight * ts_rank('{0.1, 0.3, 0.6, 1.0}', s.document, terms.q)) FROM terms)::real`
    : sql<number>`0::real`;
  const conditions: Expression<SqlBool>[] = [];
  if (any) conditions.push(sql<SqlBool>`s.document @@ ${any}`);
  if (params.targetGroup) conditions.push(sql<SqlBool>`s.target_groups @> ARRAY[${params.targetGroup}]::text[]`);
  if (params.need) conditions.push(sql<SqlBool>`s.needs @> ARRAY[${params.need}]::text[]`);
  if (params.municipality) {
    // A service for the whole country serves each of its municipalities.
    const place = params.municipality.trim().toLocaleLowerCase('nb');
    conditions.push(sql<SqlBool>`s.areas && ${[place, ...Object.keys(COUNTRY_AREAS)]}::text[]`);
  }
  if (params.age !== undefined) conditions.push(sql<SqlBool>`(s.minimum_age IS NULL OR s.minimum_age <= ${params.age}) AND (s.maximum_age IS NULL OR s.maximum_age >= ${params.age})`);
  if (params.language) conditions.push(sql<SqlBool>`s.languages @> ARRAY[${params.language.toLowerCase()}]::text[]`);
  if (params.openNow) {
    const minutes = JSON.stringify(Object.fromEntries([...new Set(Object.values(COUNTRY_AREAS))].map((tz) => [tz, minuteOfWeek(tz, now)])));
    conditions.push(sql<SqlBool>`s.open_minutes @> ((${minutes}::jsonb ->> s.time_zone)::integer)`);
  }
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const cursor = params.cursor ? decodeCursor(params.cursor) : undefined;
  const after = cursor ? sql`WHERE m.rank < ${cursor.r}::real OR (m.rank = ${cursor.r}::real AND (m.sort_name, m.service_id) > (${cursor.n}, ${cursor.i}::uuid))` : sql``;

  const { rows } = await sql<{ service_id: string; sort_name: string; rank: number; rank_text: string; total: number; time_zone: string; hours: { days: number[]; opens: string; closes: string }[] }>`
    WITH params AS (SELECT 1) ${scored}
    SELECT m.* FROM (
      SELECT s.service_id, s.sort_name, s.time_zone, s.hours, ${rank} AS rank, (${rank})::text AS rank_text, count(*) OVER () AS total
      FROM directory_search s ${where}
    ) m ${after}
    ORDER BY m.rank DESC, m.sort_name, m.service_id
    LIMIT ${params.limit + 1}
  `.execute(db);
  const page = rows.slice(0, params.limit);
  const last = page[page.length - 1];
  const docs = page.length
    ? await db.selectFrom('directory_records').select(['id', 'doc']).where('kind', '=', 'service').where('id', 'in', page.map((r) => r.service_id)).execute()
    : [];
  const byId = new Map((await fullServices(db, docs.map((d) => d.doc))).map((s) => [String(s.id).toLowerCase(), s]));
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    words: forms.flat(),
    results: page.map((r) => hitOf(byId.get(r.service_id) ?? {}, r.hours, r.time_zone, now)),
    next_cursor: rows.length > params.limit && last ? encodeCursor({ r: last.rank_text, n: last.sort_name, i: last.service_id }) : null,
  };
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** What a search result shows of a service: enough to choose and call, the rest on its own page. */
function hitOf(s: Doc, hours: { days: number[]; opens: string; closes: string }[], timeZone: string, now: Date) {
  const org = s.organization as Doc | undefined;
  const locations = ((s.service_at_locations as Doc[]) ?? []).map((sal) => sal.location as Doc | undefined).filter((l): l is Doc => !!l);
  const phones = [...((s.phones as Doc[]) ?? []), ...locations.flatMap((l) => (l.phones as Doc[]) ?? [])];
  const attributes = (s.attributes as Doc[]) ?? [];
  const termsOf = (type: string) => attributes.filter((a) => a.link_type === type && a.taxonomy_term).map((a) => ({ code: String((a.taxonomy_term as Doc).code ?? ''), name: String((a.taxonomy_term as Doc).name ?? '') }));
  return {
    id: String(s.id),
    name: String(s.name ?? ''),
    organization: org ? { id: String(org.id), name: String(org.name ?? '') } : null,
    description: str(s.description),
    eligibility: str(s.eligibility_description),
    application_process: str(s.application_process),
    fees: str(s.fees_description),
    url: str(s.url),
    email: str(s.email),
    phones: [...new Map(phones.map((p) => [String(p.number), { number: String(p.number), description: str(p.description) }])).values()],
    areas: ((s.service_areas as Doc[]) ?? []).map((a) => String(a.name ?? '')),
    addresses: locations.flatMap((l) => ((l.addresses as Doc[]) ?? []).filter((a) => a.address_type !== 'postal').map((a) => [a.address_1, [a.postal_code, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', '))),
    opening_hours: [...((s.schedules as Doc[]) ?? []), ...locations.flatMap((l) => (l.schedules as Doc[]) ?? [])].map((x) => str(x.description)).filter((x): x is string => !!x),
    // Unknown (null) when the directory holds no weekly hours for it: never a guess.
    open_now: hours.length ? isOpenAt(hours, timeZone, now) : null,
    time_zone: timeZone,
    minimum_age: typeof s.minimum_age === 'number' ? s.minimum_age : null,
    maximum_age: typeof s.maximum_age === 'number' ? s.maximum_age : null,
    target_groups: termsOf('target_group'),
    needs: termsOf('need'),
    last_verified: str(s.assured_date),
  };
}

export type SearchHit = ReturnType<typeof hitOf>;
