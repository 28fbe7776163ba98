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
 * A word used by fewer than this share of the services (or three) also searches for its synonyms:
 * "doctor" among Norwegian texts, "prison" found only in a target group's English description.
 * Common words need no help, and their synonyms would only widen an already long list.
 */
const RARE_SHARE = 0.05;

interface QueryWord {
  /** The word as written, and the directory's word it was taken for when misspelt. */
  forms: string[];
  /** How many services use it (or a word it begins): when few do, its synonyms are searched too. */
  services: number;
  /** How many use the commonest word it stands for (itself or a synonym), for its weight. */
  meaningServices: number;
}

/**
 * What the directory knows of each query word, in one statement: stop words (in any of the three
 * languages) drop out; a word no service uses, of five letters or more, is joined by the
 * directory's word most like it by trigram similarity (folded, so "asylsokar" meets "asylsøker");
 * and each word's rarity is read from the word counts kept with the index, not counted now.
 */
async function analyse(db: Db, words: string[]): Promise<{ words: QueryWord[]; services: number }> {
  const unique = [...new Set(words)];
  const { rows } = await sql<{ w: string; stop: boolean; best: string | null; best_folded: string | null; services: number | null; n: number }>`
    WITH a AS (
      SELECT q.w, q.f,
        (numnode(plainto_tsquery('norwegian', q.w)) = 0 OR numnode(plainto_tsquery('danish', q.w)) = 0 OR numnode(plainto_tsquery('english', q.w)) = 0) AS stop,
        EXISTS (SELECT 1 FROM directory_words d WHERE d.folded = q.f) AS known
      FROM unnest(${unique}::text[], ${unique.map(fold)}::text[]) AS q(w, f)
    ), c AS (
      SELECT a.*, b.word AS best, b.folded AS best_folded FROM a LEFT JOIN LATERAL (
        SELECT d.word, d.folded FROM directory_words d
        WHERE NOT a.stop AND NOT a.known AND length(a.w) >= ${MIN_CORRECTED} AND a.w !~ '^[0-9]+$'
          AND d.folded % a.f AND similarity(d.folded, a.f) >= ${CORRECTION_SIMILARITY}
        ORDER BY similarity(d.folded, a.f) DESC, d.folded LIMIT 1
      ) b ON true
    )
    SELECT c.w, c.stop, c.best, c.best_folded,
      (SELECT max(d.services) FROM directory_words d WHERE d.folded >= x.f AND d.folded < x.f || chr(1114111)) AS services,
      (SELECT count(*) FROM directory_search)::int AS n
    FROM c CROSS JOIN LATERAL (SELECT COALESCE(c.best_folded, c.f) AS f) x
  `.execute(db);
  const byWord = new Map(rows.map((r) => [r.w, r]));
  const kept = unique.map((w) => byWord.get(w)!).filter((r) => !r.stop);
  // A word is as common as the commonest word it stands for: "help" among Norwegian texts is
  // rare as written but means "hjelp", which nearly every service uses, so it weighs little.
  const synonymsOfWord = new Map(kept.map((r) => [r.w, [...new Set([r.w, ...(r.best && !synonymsOf(r.w).length ? [r.best] : [])].flatMap((f) => synonymsOf(f)).flatMap(wordsOf))]]));
  const folded = [...new Set([...synonymsOfWord.values()].flat().map(fold))];
  const counts = folded.length ? await db.selectFrom('directory_words').select(['folded', 'services']).where('folded', 'in', folded).execute() : [];
  const used = new Map(counts.map((c) => [c.folded, c.services]));
  const out: QueryWord[] = kept.map((r) => ({
    // A word the synonym list knows is no misspelling ("hjemløs" is not "hjemme"): its synonyms speak for it.
    forms: r.best && !synonymsOf(r.w).length ? [r.w, r.best] : [r.w],
    // A correction is only offered for a word no service uses: without it, the word counts as unused.
    services: r.best && synonymsOf(r.w).length ? 0 : (r.services ?? 0),
    meaningServices: Math.max(r.services ?? 0, ...synonymsOfWord.get(r.w)!.map((x) => used.get(fold(x)) ?? 0)),
  }));
  return { words: out, services: rows[0]?.n ?? 0 };
}

/** Words as a to_tsquery OR-expression. */
const orQuery = (words: string[]) => [...new Set(words)].join(' | ');

/**
 * The words stemmed in each language the directory is written in, and as written, where words of
 * four letters or more also match as the start of a longer word (Norwegian and Danish compounds:
 * "krise" finds "krisesenter"). Only the words as written match as prefixes: a prefix makes the
 * index read every word it begins, and a stem's prefix ("asylsøk") would read them three times.
 */
const tsquery = (text: string) => {
  const prefixed = text.split(' | ').map((w) => (w.length >= 4 ? `${w}:*` : w)).join(' | ');
  return sql`(to_tsquery('norwegian', ${text}) || to_tsquery('danish', ${text}) || to_tsquery('english', ${text}) || to_tsquery('simple', ${prefixed}))`;
};

/**
 * The terms a query is scored by: each word the person wrote (with its correction), weighted by
 * its rarity among the services (inverse document frequency), so in "leksehjelp bergen" a
 * service named for homework help outranks one that merely lies in Bergen. A rare word also
 * searches for its synonyms, at half its weight.
 */
function termsOf(words: QueryWord[], services: number): { terms: { text: string; weight: number }[]; perWord: string[] } {
  const terms: { text: string; weight: number }[] = [];
  const perWord: string[] = [];
  for (const word of words) {
    const idf = Math.log(1 + services / (1 + word.meaningServices));
    terms.push({ text: orQuery(word.forms), weight: idf });
    const synonyms = word.services >= Math.max(3, RARE_SHARE * services) ? [] : [...new Set(word.forms.flatMap((w) => synonymsOf(w).flatMap(wordsOf)))].filter((w) => !word.forms.includes(w));
    if (synonyms.length) terms.push({ text: orQuery(synonyms), weight: SYNONYM_WEIGHT * idf });
    // A word counts as there when it, its correction or a synonym of it is.
    perWord.push(orQuery([...word.forms, ...synonyms]));
  }
  return { terms, perWord };
}

interface Cursor {
  /** The tier: 1 every word, then all but one (when asked), then some. */
  t: number;
  r: string;
  n: string;
  i: string;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (Number.isInteger(c.t) && c.t >= 1 && c.t <= 3 && typeof c.r === 'string' && typeof c.n === 'string' && typeof c.i === 'string' && /^[0-9a-f-]{36}$/.test(c.i) && Number.isFinite(Number(c.r))) return c;
  } catch {
    // falls through to the error below
  }
  throw new AppError(400, 'invalid_value', 'cursor');
}

/**
 * Searches the directory's services (issue 10 point 3). Words are matched stemmed in Norwegian,
 * Danish and English, as prefixes, with misspellings corrected and synonyms added at a lower
 * weight. Services with every word rank first, then those with some; within each, by the words'
 * rarity and where they stand (names first).
 * Filters narrow in SQL, "open now" included, so every page is as long as it can be. Without
 * words, services are listed by name. Pages are taken by key (the last hit's rank, name and id).
 */
export async function searchServices(db: Db, params: SearchParams, now = new Date()) {
  const written = wordsOf(params.q ?? '').slice(0, MAX_WORDS);
  const analysed = written.length ? await analyse(db, written) : { words: [], services: 0 };
  const { terms, perWord } = termsOf(analysed.words, analysed.services);
  // The queries are parsed once, in a one-row CTE, not once per row: to_tsquery is only stable,
  // so written inline it would be evaluated again for every service it is compared with.
  const parsed = [
    sql`${terms.length ? tsquery(terms.map((t) => t.text).join(' | ')) : sql`NULL::tsquery`} AS q_any`,
    sql`${perWord.length ? sql.join(perWord.map((w) => tsquery(w)), sql` && `) : sql`NULL::tsquery`} AS q_all`,
    // Every word but one, for a query of three to six words: what most often fills the page when
    // no service has them all ("jeg har fått avslag på asyl" has no service with every word).
    sql`${perWord.length >= 3 && perWord.length <= 6 ? sql.join(perWord.map((_, skip) => sql`(${sql.join(perWord.filter((_w, j) => j !== skip).map((w) => tsquery(w)), sql` && `)})`), sql` || `) : sql`NULL::tsquery`} AS q_most`,
    ...terms.map((t, i) => sql`${tsquery(t.text)} AS ${sql.ref(`q_${i}`)}`),
  ];
  // One ts_rank per term, with the names (A) counting most and descriptions (C) least.
  const rank = terms.length
    ? sql<number>`(${sql.join(terms.map((t, i) => sql`${t.weight}::float8 * ts_rank('{0.1, 0.3, 0.6, 1.0}', s.document, ${sql.ref(`q.q_${i}`)})`), sql` + `)})::real`
    : sql<number>`0::real`;
  const filters: Expression<SqlBool>[] = [];
  if (params.targetGroup) filters.push(sql<SqlBool>`s.target_groups @> ARRAY[${params.targetGroup}]::text[]`);
  if (params.need) filters.push(sql<SqlBool>`s.needs @> ARRAY[${params.need}]::text[]`);
  if (params.municipality) {
    // A service for the whole country serves each of its municipalities, in that country only:
    // the place's country is that of the services naming it (a Danish service is not in Bergen).
    const place = params.municipality.trim().toLocaleLowerCase('nb');
    const zones = (await sql<{ time_zone: string }>`SELECT DISTINCT time_zone FROM directory_search WHERE areas @> ARRAY[${place}]::text[]`.execute(db)).rows.map((r) => r.time_zone);
    const national = Object.entries(COUNTRY_AREAS).filter(([, tz]) => zones.includes(tz)).map(([name]) => name);
    filters.push(sql<SqlBool>`s.areas && ${[place, ...national]}::text[]`);
  }
  if (params.age !== undefined) filters.push(sql<SqlBool>`(s.minimum_age IS NULL OR s.minimum_age <= ${params.age}) AND (s.maximum_age IS NULL OR s.maximum_age >= ${params.age})`);
  if (params.language) filters.push(sql<SqlBool>`s.languages @> ARRAY[${params.language.toLowerCase()}]::text[]`);
  if (params.openNow) {
    // The minute of the week on each time zone's wall clock, from the helplines' clock code.
    const zones = [...new Set(Object.values(COUNTRY_AREAS))];
    const minute = sql`CASE s.time_zone ${sql.join(zones.map((tz) => sql`WHEN ${tz} THEN ${minuteOfWeek(tz, now)}::integer`), sql` `)} END`;
    filters.push(sql<SqlBool>`s.open_minutes @> ${minute}`);
  }

  type Row = { service_id: string; sort_name: string; rank: number; rank_text: string; total: number; time_zone: string; hours: { days: number[]; opens: string; closes: string }[] };
  /** One tier's page, ranked, with how many the tier holds; the rank is worked out on narrow rows, then counted. */
  const tier = async (match: Expression<SqlBool> | null, after: Cursor | undefined, limit: number): Promise<Row[]> => {
    const conditions = [...(match ? [match] : []), ...filters];
    const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
    const keyset = after ? sql`WHERE m.rank < ${after.r}::real OR (m.rank = ${after.r}::real AND (m.sort_name, m.service_id) > (${after.n}, ${after.i}::uuid))` : sql``;
    const { rows } = await sql<Row>`
      WITH q AS MATERIALIZED (SELECT ${sql.join(parsed)})
      SELECT m.*, m.rank::text AS rank_text FROM (
        SELECT r.*, count(*) OVER () AS total FROM (
          SELECT s.service_id, s.sort_name, s.time_zone, s.hours, ${rank} AS rank FROM q, directory_search s ${where} OFFSET 0
        ) r
      ) m ${keyset}
      ORDER BY m.rank DESC, m.sort_name, m.service_id
      LIMIT ${limit}
    `.execute(db);
    return rows;
  };

  // Services with every word come first, then those with all but one, then those with some: with
  // many words a person means all of them, and most often the first tiers fill the page, so the
  // long tail is not ranked at all (issue 10: p95 < 20 ms at 20 000 services).
  const cursor = params.cursor ? decodeCursor(params.cursor) : undefined;
  const n = perWord.length;
  const tiers: (Expression<SqlBool> | null)[] = [terms.length ? sql<SqlBool>`s.document @@ q.q_all` : null];
  if (n >= 3 && n <= 6) tiers.push(sql<SqlBool>`s.document @@ q.q_most AND NOT s.document @@ q.q_all`);
  if (n >= 2) tiers.push(n >= 3 && n <= 6 ? sql<SqlBool>`s.document @@ q.q_any AND NOT s.document @@ q.q_most` : sql<SqlBool>`s.document @@ q.q_any AND NOT s.document @@ q.q_all`);
  const rows: (Row & { t: number })[] = [];
  let total = 0;
  let counted = 0;
  for (let t = cursor?.t ?? 1; t <= tiers.length && rows.length <= params.limit; t++) {
    const found = await tier(tiers[t - 1], cursor?.t === t ? cursor : undefined, params.limit + 1 - rows.length);
    rows.push(...found.map((r) => ({ ...r, t })));
    total += found.length ? Number(found[0].total) : 0;
    counted = t;
  }
  const page = rows.slice(0, params.limit);
  const last = page[page.length - 1];
  const docs = page.length
    ? await db.selectFrom('directory_records').select(['id', 'doc']).where('kind', '=', 'service').where('id', 'in', page.map((r) => r.service_id)).execute()
    : [];
  const byId = new Map((await fullServices(db, docs.map((d) => d.doc))).map((s) => [String(s.id).toLowerCase(), s]));
  return {
    // Exact unless services with only some of the words were not counted (the page was full without them).
    total,
    total_exact: counted === tiers.length && !cursor,
    words: analysed.words.flatMap((w) => w.forms),
    results: page.map((r) => hitOf(byId.get(r.service_id) ?? {}, r.hours, r.time_zone, now)),
    next_cursor: rows.length > params.limit && last ? encodeCursor({ t: last.t, r: last.rank_text, n: last.sort_name, i: last.service_id }) : null,
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
