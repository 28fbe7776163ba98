import { sql } from 'kysely';
import type { Db } from '../../../db/connection.js';
import { AppError } from '../../../server/errors.js';
import { isOpenAt, minuteOfWeek } from '../../../shared/opening-hours.js';
import { COUNTRY_AREAS } from './build-index.js';
import type { ServiceCard } from './card.js';
import { directoryIndex, type DirectoryIndex, type IndexedService, type Lexemes } from './memory-index.js';
import { rankServices, type Cursor, type RankedWord } from './rank.js';
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

/** A query word this short is taken as written: correcting "hjem" or "ung" would guess wildly. */
const MIN_CORRECTED = 5;
/** How alike (pg_trgm similarity of the folded words) a known word must be to replace a misspelt one. */
const CORRECTION_SIMILARITY = 0.4;
/**
 * Pairs of letters whose keys touch on a Norwegian, Danish or English keyboard (the QWERTY rows,
 * each offset a little to the right of the one above), both ways: "gh", "hg", "gt", "gb" …
 */
const KEY_NEIGHBOURS = (() => {
  const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
  const pairs = new Set<string>();
  const touch = (a: string | undefined, b: string | undefined) => {
    if (a && b) pairs.add(a + b).add(b + a);
  };
  rows.forEach((row, r) => [...row].forEach((key, i) => {
    touch(key, row[i + 1]);
    // The row below starts a little to the right: a key touches the one below it and the one below-left.
    touch(key, rows[r + 1]?.[i]);
    touch(key, rows[r + 1]?.[i - 1]);
  }));
  return [...pairs];
})();
/** The most words of a query that count; a pasted paragraph searches by its first ones. */
const MAX_WORDS = 12;
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
 * directory's word most like it by trigram similarity (folded, so "asylsokar" meets "asylsøker"),
 * or that differs from it by one letter, typed with a key next to the right one;
 * and each word's rarity is read from the word counts kept with the index, not counted now.
 */
async function analyse(db: Db, words: string[]): Promise<{ words: QueryWord[]; stems: Map<string, string[]> }> {
  const unique = [...new Set(words)];
  const { rows } = await sql<{ w: string; stop: boolean; best: string | null; best_folded: string | null; services: number | null }>`
    WITH a AS (
      SELECT q.w, q.f,
        (numnode(plainto_tsquery('norwegian', q.w)) = 0 OR numnode(plainto_tsquery('danish', q.w)) = 0 OR numnode(plainto_tsquery('english', q.w)) = 0) AS stop,
        EXISTS (SELECT 1 FROM directory_words d WHERE d.folded = q.f) AS known
      FROM unnest(${unique}::text[], ${unique.map(fold)}::text[]) AS q(w, f)
    ), c AS (
      SELECT a.*, b.word AS best, b.folded AS best_folded FROM a LEFT JOIN LATERAL (
        SELECT d.word, d.folded FROM directory_words d
        -- One letter typed wrong at the start or in the middle of a short word ("gelse" for
        -- "helse") spoils two or three of its few trigrams: similar enough to be a candidate, not
        -- to pass. A slip to a key next to the right one is a typo all the same, and the likeliest
        -- reading ("gjelp" is "hjelp", not "gjeld"); any other letter makes a word of its own too
        -- often ("honey" is no "money", "skade" no "skape").
        CROSS JOIN LATERAL (SELECT length(d.folded) = length(a.f) AND EXISTS (
          SELECT 1 FROM generate_series(1, length(a.f)) i
          WHERE overlay(a.f PLACING substr(d.folded, i, 1) FROM i FOR 1) = d.folded
            AND substr(a.f, i, 1) || substr(d.folded, i, 1) = ANY(${KEY_NEIGHBOURS}::text[])) AS slip) k
        WHERE NOT a.stop AND NOT a.known AND length(a.w) >= ${MIN_CORRECTED} AND a.w !~ '^[0-9]+$'
          AND d.folded % a.f
          AND (similarity(d.folded, a.f) >= ${CORRECTION_SIMILARITY} OR k.slip)
        -- Among equally similar words, the one of the written word's length ("ensonhet" is "ensomhet", not "enhet").
        ORDER BY k.slip DESC, similarity(d.folded, a.f) DESC, abs(length(d.folded) - length(a.f)), d.folded LIMIT 1
      ) b ON true
    )
    SELECT c.w, c.stop, c.best, c.best_folded,
      (SELECT max(d.services) FROM directory_words d WHERE d.folded >= x.f AND d.folded < x.f || chr(1114111)) AS services
    FROM c CROSS JOIN LATERAL (SELECT COALESCE(c.best_folded, c.f) AS f) x
  `.execute(db);
  const byWord = new Map(rows.map((r) => [r.w, r]));
  const kept = unique.map((w) => byWord.get(w)!).filter((r) => !r.stop);
  // A word is as common as the commonest word it stands for: "help" among Norwegian texts is
  // rare as written but means "hjelp", which nearly every service uses, so it weighs little.
  const synonymsOfWord = new Map(kept.map((r) => [r.w, [...new Set([r.w, ...(r.best && !synonymsOf(r.w).length ? [r.best] : [])].flatMap((f) => synonymsOf(f)).flatMap(wordsOf))]]));
  const formsOf = (r: (typeof kept)[number]) => (r.best && !synonymsOf(r.w).length ? [r.w, r.best] : [r.w]);
  // Each form and synonym: how many services use it, and its lexemes as the index holds them
  // (stemmed in each language the directory is written in, and as written). The count is read
  // by key per word: with an IN list the planner picks the trigram index, 60 ms at 20 000 services.
  const all = [...new Set([...kept.flatMap(formsOf), ...[...synonymsOfWord.values()].flat()])];
  const { rows: known } = all.length ? await sql<{ w: string; services: number | null; lexemes: string[] }>`
    SELECT q.w, (SELECT d.services FROM directory_words d WHERE d.folded = q.f) AS services,
      tsvector_to_array(to_tsvector('norwegian', q.w) || to_tsvector('danish', q.w) || to_tsvector('english', q.w) || to_tsvector('simple', q.w)) AS lexemes
    FROM unnest(${all}::text[], ${all.map(fold)}::text[]) AS q(w, f)
  `.execute(db) : { rows: [] };
  const used = new Map(known.map((c) => [fold(c.w), c.services ?? 0]));
  const stems = new Map(known.map((c) => [c.w, c.lexemes]));
  const out: QueryWord[] = kept.map((r) => ({
    // A word the synonym list knows is no misspelling ("hjemløs" is not "hjemme"): its synonyms speak for it.
    forms: formsOf(r),
    // A correction is only offered for a word no service uses: without it, the word counts as unused.
    services: r.best && synonymsOf(r.w).length ? 0 : (r.services ?? 0),
    meaningServices: Math.max(r.services ?? 0, ...synonymsOfWord.get(r.w)!.map((x) => used.get(fold(x)) ?? 0)),
  }));
  return { words: out, stems };
}

/**
 * A query word's lexemes in the index's own terms, and, for words of four letters or more, every
 * lexeme they begin (Norwegian and Danish compounds: "krise" finds "krisesenter").
 */
const lexemesFor = (words: string[], stems: Map<string, string[]>): Lexemes => ({
  exact: [...new Set(words.flatMap((w) => stems.get(w) ?? []))],
  prefixes: words.filter((w) => w.length >= 4),
});

/**
 * The words a query is ranked by: each word the person wrote (with its correction), weighted by
 * its rarity among the services (inverse document frequency), so in "leksehjelp bergen" a
 * service named for homework help outranks one that merely lies in Bergen. A rare word also
 * searches for its synonyms, at half its weight.
 */
function rankedWords(words: QueryWord[], stems: Map<string, string[]>, services: number): RankedWord[] {
  const planned = words.map((word) => ({
    word,
    synonyms: word.services >= Math.max(3, RARE_SHARE * services) ? [] : [...new Set(word.forms.flatMap((w) => synonymsOf(w).flatMap(wordsOf)))].filter((w) => !word.forms.includes(w)),
  }));
  return planned.map(({ word, synonyms }) => ({
    forms: lexemesFor(word.forms, stems),
    synonyms: synonyms.map((w) => lexemesFor([w], stems)),
    weight: Math.log(1 + services / (1 + word.meaningServices)),
  }));
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

/** The filters as one test of an indexed service. */
function filterOf(index: DirectoryIndex, params: SearchParams, now: Date): (s: IndexedService) => boolean {
  const tests: ((s: IndexedService) => boolean)[] = [];
  if (params.targetGroup) tests.push((s) => s.targetGroups.includes(params.targetGroup!));
  if (params.need) tests.push((s) => s.needs.includes(params.need!));
  if (params.municipality) {
    // A service for the whole country serves each of its municipalities, in that country only:
    // the place's country is that of the services naming it (a Danish service is not in Bergen).
    const place = params.municipality.trim().toLocaleLowerCase('nb');
    const zones = new Set<string>();
    for (let slot = 0; slot < index.size; slot++) if (index.service(slot).areas.includes(place)) zones.add(index.service(slot).timeZone);
    const places = new Set([place, ...Object.entries(COUNTRY_AREAS).filter(([, tz]) => zones.has(tz)).map(([name]) => name)]);
    tests.push((s) => s.areas.some((a) => places.has(a)));
  }
  if (params.age !== undefined) tests.push((s) => (s.minimumAge === null || s.minimumAge <= params.age!) && (s.maximumAge === null || s.maximumAge >= params.age!));
  if (params.language) {
    const language = params.language.toLowerCase();
    tests.push((s) => s.languages.includes(language));
  }
  if (params.openNow) {
    // The minute of the week on each time zone's wall clock, from the helplines' clock code.
    const minutes = new Map<string, number>();
    const minuteIn = (tz: string) => minutes.get(tz) ?? minutes.set(tz, minuteOfWeek(tz, now)).get(tz)!;
    tests.push((s) => s.open.some(([from, to]) => from <= minuteIn(s.timeZone) && minuteIn(s.timeZone) < to));
  }
  return (s) => tests.every((test) => test(s));
}

/**
 * Searches the directory's services (issue 10 point 3). Words are matched stemmed in Norwegian,
 * Danish and English, as prefixes, with misspellings corrected and synonyms added at a lower
 * weight. Services with every word rank first, then those with some; within each, by the words'
 * rarity and where they stand (names first). Filters narrow before the page is cut, "open now"
 * included, so every page is as long as it can be. Without words, services are listed by name.
 * Pages are taken by key (the last hit's tier, rank, name and id). The ranking runs on this
 * node's copy of the index (decision 0036); PostgreSQL analyses the words and holds the cards.
 */
export async function searchServices(db: Db, params: SearchParams, now = new Date(), index: DirectoryIndex = directoryIndex(db)) {
  const written = wordsOf(params.q ?? '').slice(0, MAX_WORDS);
  const [analysed] = await Promise.all([written.length ? analyse(db, written) : { words: [], stems: new Map<string, string[]>() }, index.current(db)]);
  const words = rankedWords(analysed.words, analysed.stems, index.size);
  const cursor = params.cursor ? decodeCursor(params.cursor) : undefined;
  const { page, total } = rankServices(index, words, filterOf(index, params, now), cursor, params.limit + 1);
  const shown = page.slice(0, params.limit);
  const ids = shown.map((r) => index.service(r.slot).id);
  const cards = ids.length ? await db.selectFrom('directory_search').select(['service_id', 'card']).where('service_id', 'in', ids).execute() : [];
  const cardOf = new Map(cards.map((c) => [String(c.service_id).toLowerCase(), c.card as ServiceCard]));
  const last = shown[shown.length - 1];
  return {
    total,
    // Every match is ranked, so the count is exact (the field stays for clients that show "at least").
    total_exact: true,
    words: analysed.words.flatMap((w) => w.forms),
    // What was taken for a misspelling, and the word searched for with it: the page says so.
    corrected: analysed.words.filter((w) => w.forms.length > 1).map((w) => ({ written: w.forms[0], searched: w.forms[1] })),
    // A service removed by an import since this node read the index has no card: it is left out.
    results: shown.filter((r) => cardOf.has(index.service(r.slot).id)).map((r) => {
      const s = index.service(r.slot);
      // Unknown (null) when the directory holds no weekly hours for it: never a guess.
      return { ...cardOf.get(s.id)!, open_now: s.hours.length ? isOpenAt(s.hours, s.timeZone, now) : null };
    }),
    next_cursor: page.length > params.limit && last ? encodeCursor({ t: last.tier, r: String(last.rank), n: index.service(last.slot).nameKey, i: index.service(last.slot).id }) : null,
  };
}

