import { sql } from 'kysely';
import type { Db } from '../../../db/connection.js';
import type { Selectable } from 'kysely';
import type { DirectorySearchTable, WeeklyHours } from '../../../db/types.js';
import { openRanges } from './hours.js';
import { COUNTRY_AREAS } from './build-index.js';

/** What the search knows of one service in memory: what it filters on and how its name sorts. */
export interface IndexedService {
  id: string;
  /** The name as Norwegian and Danish sort it (æ, ø, å after z), compared by code point. */
  nameKey: string;
  targetGroups: string[];
  needs: string[];
  /** Places in lower case, for the place filter. */
  areas: string[];
  /** The same places as the directory writes them ("Møre og Romsdal"), for the filter's list. */
  areaNames: string[];
  languages: string[];
  minimumAge: number | null;
  maximumAge: number | null;
  timeZone: string;
  hours: WeeklyHours[];
  /** The hours as minutes of the week on its own clock, for "open now". */
  open: [number, number][];
  /** Its lexemes, so its postings can be taken out when it changes. */
  lexemes: string[];
}

/** The services that use a lexeme, each with how strongly (the fields it stands in). */
interface Postings {
  slots: number[];
  weights: number[];
}

/** How much a lexeme counts by the field it stands in: names most, descriptions least (as ts_rank's default order). */
const FIELD_WEIGHT: Record<string, number> = { A: 1.0, B: 0.6, C: 0.3, D: 0.1 };

/**
 * A lexeme's weight in one service from the weights of its occurrences ("AAC"): its strongest
 * field, and each further occurrence a little more, less and less (ts_rank's own sum: the j-th
 * occurrence adds its weight over j²), so a word that runs through a text outranks a passing one.
 */
export function postingWeight(fields: string): number {
  const ws = [...fields].map((f) => FIELD_WEIGHT[f] ?? 0.1).sort((a, b) => b - a);
  return ws.reduce((sum, w, j) => sum + w / ((j + 1) * (j + 1)), 0);
}

/**
 * Æ, ø and å sort after z in Norwegian and Danish (ä and ö with them), "aa" as å (Aalborg with
 * Ålesund) and ü as y, as the places list sorts them (Intl.Collator 'nb'); other accents as the
 * plain letter.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/[æä]/g, '{')
    .replace(/[øö]/g, '|')
    .replace(/å|aa/g, '}')
    .replace(/ü/g, 'y')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** A search row as the index reads it (ROW_COLUMNS); the hours arrive parsed or as JSON text, by driver. */
type Row = Omit<Selectable<DirectorySearchTable>, 'card' | 'generation' | 'hours'> & { hours: WeeklyHours[] | string };

const ROW_COLUMNS = sql`s.service_id::text AS service_id, s.sort_name, s.terms, s.target_groups, s.needs, s.areas, s.languages, s.minimum_age, s.maximum_age, s.time_zone, s.hours`;
/** Rows read per statement when the whole index is loaded: the event loop is free between them. */
const BATCH = 500;

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Where `value` goes in a sorted list (the first place not before it). */
function lowerBound<T>(sorted: T[], value: T, before: (a: T, b: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(sorted[mid], value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const stringBefore = (a: string, b: string) => a < b;

/**
 * The services and their postings: built whole on a full load, changed in place for one service.
 * The sorted lexemes and the name order are made once after a full load and then kept in step by
 * each change (one insertion or removal), so the search after an edit does not sort again.
 */
class IndexData {
  readonly services: IndexedService[] = [];
  readonly slotOf = new Map<string, number>();
  readonly postings = new Map<string, Postings>();
  private sortedLexemes: string[] | null = null;
  private slotsByName: number[] | null = null;
  private nameOrder: Int32Array | null = null;
  private counts: Facets | null = null;
  /** One string per filter value (thousands of services name "Bergen"): compared and counted faster. */
  private readonly interned = new Map<string, string>();
  private intern = (v: string) => this.interned.get(v) ?? (this.interned.set(v, v), v);

  /** Adds a service, or replaces one the index holds in its slot. */
  put(row: Row): void {
    const id = row.service_id.toLowerCase();
    let slot = this.slotOf.get(id);
    const previous = slot === undefined ? undefined : this.services[slot];
    if (slot === undefined) {
      slot = this.services.length;
      this.slotOf.set(id, slot);
    }
    if (previous) {
      for (const lexeme of previous.lexemes) {
        const p = this.postings.get(lexeme)!;
        const at = p.slots.indexOf(slot);
        p.slots.splice(at, 1);
        p.weights.splice(at, 1);
        if (!p.slots.length) {
          this.postings.delete(lexeme);
          if (this.sortedLexemes) this.sortedLexemes.splice(lowerBound(this.sortedLexemes, lexeme, stringBefore), 1);
        }
      }
    }
    const parts = row.terms ? row.terms.split(' ') : [];
    const lexemes: string[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const lexeme = parts[i];
      lexemes.push(lexeme);
      let p = this.postings.get(lexeme);
      if (!p) {
        this.postings.set(lexeme, (p = { slots: [], weights: [] }));
        if (this.sortedLexemes) this.sortedLexemes.splice(lowerBound(this.sortedLexemes, lexeme, stringBefore), 0, lexeme);
      }
      p.slots.push(slot);
      p.weights.push(postingWeight(parts[i + 1]));
    }
    const hours = typeof row.hours === 'string' ? (JSON.parse(row.hours) as WeeklyHours[]) : row.hours;
    const service: IndexedService = {
      id,
      nameKey: nameKey(row.sort_name),
      targetGroups: row.target_groups.map(this.intern),
      needs: row.needs.map(this.intern),
      areas: row.areas.map((a) => this.intern(a.toLocaleLowerCase('nb'))),
      areaNames: row.areas.map(this.intern),
      languages: row.languages.map(this.intern),
      minimumAge: row.minimum_age,
      maximumAge: row.maximum_age,
      timeZone: row.time_zone,
      hours,
      open: openRanges(hours),
      lexemes,
    };
    this.services[slot] = service;
    this.counts = null;
    if (this.slotsByName && previous?.nameKey !== service.nameKey) {
      // Renamed or new: out of its old place in name order, into its new one.
      if (previous) this.slotsByName.splice(this.slotsByName.indexOf(slot), 1);
      this.slotsByName.splice(lowerBound(this.slotsByName, slot, (a, b) => this.nameBefore(a, b)), 0, slot);
      this.nameOrder = null;
    }
  }

  private nameBefore(a: number, b: number): boolean {
    const x = this.services[a];
    const y = this.services[b];
    return x.nameKey !== y.nameKey ? x.nameKey < y.nameKey : x.id < y.id;
  }

  /** How many services hold each filter value, counted once per change of the index. */
  facets(): Facets {
    if (!this.counts) {
      const count = (valuesOf: (s: IndexedService) => string[]) => {
        const counts = new Map<string, number>();
        for (const s of this.services) for (const v of valuesOf(s)) counts.set(v, (counts.get(v) ?? 0) + 1);
        return counts;
      };
      const placeNames = new Map<string, string>();
      for (const s of this.services) s.areas.forEach((place, i) => placeNames.has(place) || placeNames.set(place, s.areaNames[i]));
      this.counts = { targetGroups: count((s) => s.targetGroups), needs: count((s) => s.needs), areas: this.placeCounts(), languages: count((s) => s.languages), placeNames };
    }
    return this.counts;
  }

  /**
   * How many services the place filter finds for each place (countries aside): those naming it and
   * those serving the whole of its country, each once, as the search counts them (search.ts): the
   * place's country is that of the services naming it.
   */
  private placeCounts(): Map<string, number> {
    const zonesOf = new Map<string, Set<string>>();
    for (const s of this.services) for (const place of s.areas) if (!(place in COUNTRY_AREAS)) (zonesOf.get(place) ?? zonesOf.set(place, new Set()).get(place)!).add(s.timeZone);
    const keyOf = (zones: Set<string>) => [...zones].sort().join(' ');
    const zoneSets = new Map([...zonesOf.values()].map((z) => [keyOf(z), z]));
    const national = new Map<string, number>();
    const local = new Map<string, number>();
    for (const s of this.services) {
      const countries = new Set(s.areas.filter((a) => a in COUNTRY_AREAS).map((a) => COUNTRY_AREAS[a]));
      for (const [key, zones] of zoneSets) if ([...zones].some((z) => countries.has(z))) national.set(key, (national.get(key) ?? 0) + 1);
      // A service naming the place and its whole country is counted with the country's.
      for (const place of s.areas) if (place in COUNTRY_AREAS || ![...zonesOf.get(place)!].some((z) => countries.has(z))) local.set(place, (local.get(place) ?? 0) + 1);
    }
    const counts = new Map(local);
    for (const [place, zones] of zonesOf) counts.set(place, (local.get(place) ?? 0) + (national.get(keyOf(zones)) ?? 0));
    return counts;
  }

  /** Every lexeme in byte order, for the words that begin with a query word. */
  lexemes(): string[] {
    return (this.sortedLexemes ??= [...this.postings.keys()].sort(byCode));
  }

  /** Each slot's place in name order (then id), so ties in rank compare two integers. */
  order(): Int32Array {
    this.slotsByName ??= this.services.map((_, i) => i).sort((a, b) => (this.nameBefore(a, b) ? -1 : 1));
    if (!this.nameOrder) {
      const order = new Int32Array(this.services.length);
      this.slotsByName.forEach((slot, place) => (order[slot] = place));
      this.nameOrder = order;
    }
    return this.nameOrder;
  }
}

/** How many services hold each target group, need, place (lower case) and language; places as written. */
export interface Facets {
  targetGroups: Map<string, number>;
  needs: Map<string, number>;
  /** Per place, the services the place filter finds there (national ones of its country included). */
  areas: Map<string, number>;
  languages: Map<string, number>;
  placeNames: Map<string, string>;
}

/** Lexemes a query word stands for: its own forms, and the words it begins (compounds). */
export interface Lexemes {
  exact: string[];
  prefixes: string[];
}

/** A word found only as the start of a longer word counts this much of a whole match ("krise" in "krisesenter"). */
const PREFIX_MATCH = 0.7;

/**
 * The directory's search index in this node's memory (decision 0036): every service's filter
 * values and every lexeme's postings, read from `directory_search`. Before each search the node
 * compares its generation with the database's (one row): when one service changed it reads that
 * row again, when the directory was imported it reads all rows, in batches. Searches that find it
 * behind wait for the same reading, so a coordinator who has just saved an entry finds the change
 * on every node.
 */
export class DirectoryIndex {
  private data = new IndexData();
  private generation = -1;
  private reading: Promise<void> | null = null;

  get size(): number {
    return this.data.services.length;
  }

  service(slot: number): IndexedService {
    return this.data.services[slot];
  }

  order(): Int32Array {
    return this.data.order();
  }

  facets(): Facets {
    return this.data.facets();
  }

  /** Brings the index up to the database's generation. */
  async current(db: Db): Promise<void> {
    for (;;) {
      const state = await sql<{ g: string; r: string }>`SELECT generation::text AS g, rebuilt_generation::text AS r FROM directory_search_state`.execute(db);
      const g = Number(state.rows[0]?.g ?? 0);
      if (g <= this.generation) return;
      if (!this.reading) {
        const whole = Number(state.rows[0]?.r ?? 0) > this.generation;
        this.reading = (whole ? this.readAll(db) : this.readChanged(db)).finally(() => (this.reading = null));
      }
      await this.reading;
    }
  }

  /**
   * Every row, in batches by key, each its own statement: no transaction holds a connection (on
   * the embedded engine, the only one) for the seconds a large directory takes. The copy is
   * stamped with the generation read before the first batch, so whatever was saved meanwhile is
   * newer than the stamp, and `current` reads it again before any search uses the copy.
   */
  private async readAll(db: Db): Promise<void> {
    const state = await sql<{ g: string }>`SELECT generation::text AS g FROM directory_search_state`.execute(db);
    const data = new IndexData();
    let after = '';
    for (;;) {
      const { rows } = await sql<Row>`SELECT ${ROW_COLUMNS} FROM directory_search s WHERE ${after ? sql`s.service_id > ${after}::uuid` : sql`true`} ORDER BY s.service_id LIMIT ${BATCH}`.execute(db);
      for (const row of rows) data.put(row);
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].service_id;
    }
    this.data = data;
    this.generation = Number(state.rows[0]?.g ?? 0);
  }

  /** The rows written since this node's generation, with the state, in one statement (one snapshot). */
  private async readChanged(db: Db): Promise<void> {
    const { rows } = await sql<Row & { g: string; r: string }>`
      SELECT st.generation::text AS g, st.rebuilt_generation::text AS r, ${ROW_COLUMNS}
      FROM directory_search_state st LEFT JOIN directory_search s ON s.generation > ${this.generation}::bigint
    `.execute(db);
    // An import in between removed services: only reading everything again shows that.
    if (!rows.length || Number(rows[0].r) > this.generation) return this.readAll(db);
    for (const row of rows) if (row.service_id) this.data.put(row);
    this.generation = Number(rows[0].g);
  }

  /**
   * A zeroed array with one number per service, reused from search to search: a search ranks
   * without waiting on anything, so no two use them at once, and a query with many synonyms does
   * not leave megabytes to the garbage collector.
   */
  scratch(i: number): Float64Array {
    let buffer = this.buffers[i];
    if (!buffer || buffer.length !== this.size) this.buffers[i] = buffer = new Float64Array(this.size);
    else buffer.fill(0);
    return buffer;
  }

  private buffers: Float64Array[] = [];

  /**
   * For each service, how well it holds one of the lexemes, into `out`: the strongest posting, a
   * word found only as the start of a longer one counting less. Zero where it holds none.
   */
  best(lexemes: Lexemes, out: Float64Array): Float64Array {
    const exact = new Set(lexemes.exact);
    const take = (p: Postings, factor: number) => {
      for (let i = 0; i < p.slots.length; i++) {
        const w = p.weights[i] * factor;
        if (w > out[p.slots[i]]) out[p.slots[i]] = w;
      }
    };
    for (const lexeme of exact) {
      const p = this.data.postings.get(lexeme);
      if (p) take(p, 1);
    }
    if (lexemes.prefixes.length) {
      const sorted = this.data.lexemes();
      for (const prefix of new Set(lexemes.prefixes)) {
        for (let i = lowerBound(sorted, prefix, stringBefore); i < sorted.length && sorted[i].startsWith(prefix); i++) {
          if (!exact.has(sorted[i])) take(this.data.postings.get(sorted[i])!, PREFIX_MATCH);
        }
      }
    }
    return out;
  }
}

const indexes = new WeakMap<Db, DirectoryIndex>();

/** This node's index of the directory behind one database connection. */
export function directoryIndex(db: Db): DirectoryIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new DirectoryIndex()));
  return index;
}
