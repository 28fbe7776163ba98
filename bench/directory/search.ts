import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { importDataSet } from '../../src/modules/directory/data-set.js';
import { rebuildSearchIndex } from '../../src/modules/directory/search/build-index.js';
import { searchServices, type SearchParams } from '../../src/modules/directory/search/search.js';
import { DirectoryIndex } from '../../src/modules/directory/search/memory-index.js';
import { searchFilters } from '../../src/modules/directory/search/filters.js';
import { int, ms, timed, type Target } from '../common.js';
import { ndcgAt, type RelevanceQuery } from './ndcg.js';

type Doc = Record<string, unknown>;
type DataSet = Record<string, Doc[]>;

const RUNS_PER_QUERY = 5;
const PLACES = ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Tromsø', 'Kristiansand', 'Drammen', 'Fredrikstad', 'Bodø', 'Ålesund', 'Hamar', 'Lillehammer',
  'Molde', 'Haugesund', 'Arendal', 'Skien', 'Sandnes', 'Gjøvik', 'Harstad', 'Alta', 'København', 'Aarhus', 'Odense', 'Aalborg', 'Esbjerg', 'Randers'];
const DAYS = ['MO,TU,WE,TH,FR', 'MO,WE,FR', 'TU,TH', 'SA,SU', 'MO,TU,WE,TH,FR,SA,SU'];

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A deterministic pseudo-random sequence, so every run searches the same directory. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * The initial content grown to `size` services the way a national directory grows: each real
 * service repeated as local branches in other places (its name with the place, its description,
 * target groups and needs), some with weekly hours and age limits. The real services stay, so the
 * relevance set's answers are still there among thousands of look-alikes.
 */
export function grownDataSet(base: DataSet, size: number): DataSet {
  const next = random(42);
  const out: DataSet = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])) as DataSet;
  let n = 1;
  const services = base.services;
  for (let i = services.length; i < size; i++) {
    const model = services[i % services.length];
    const place = PLACES[Math.floor(next() * PLACES.length)];
    const id = uuid(n++);
    out.services.push({ ...model, id, name: `${model.name} – ${place}`, minimum_age: undefined, maximum_age: undefined, ...(next() < 0.1 ? { minimum_age: 13, maximum_age: 25 } : {}) });
    out.service_areas.push({ id: uuid(n++), service_id: id, name: place });
    out.languages.push({ id: uuid(n++), service_id: id, name: ['København', 'Aarhus', 'Odense', 'Aalborg', 'Esbjerg', 'Randers'].includes(place) ? 'Dansk' : 'Norsk bokmål', code: ['København', 'Aarhus', 'Odense', 'Aalborg', 'Esbjerg', 'Randers'].includes(place) ? 'da' : 'nb' });
    for (const a of base.attributes.filter((x) => x.link_id === model.id)) out.attributes.push({ ...a, id: uuid(n++), link_id: id });
    if (next() < 0.5) {
      const opens = 8 + Math.floor(next() * 4);
      out.schedules.push({ id: uuid(n++), service_id: id, freq: 'WEEKLY', wkst: 'MO', byday: DAYS[Math.floor(next() * DAYS.length)], opens_at: `${String(opens).padStart(2, '0')}:00`, closes_at: `${opens + 4 + Math.floor(next() * 8)}:00` });
    }
  }
  for (const s of out.services) for (const k of ['minimum_age', 'maximum_age']) if (s[k] === undefined) delete s[k];
  return out;
}

interface Timing { name: string; p50: number; p95: number; p99: number; runs: number; avgTotal: number }
export interface SearchBenchResult { engine: string; services: number; importMs: number; readMs: number; loopDelayMaxMs: number; timings: Timing[]; ndcg: { all: number; nb: number; da: number; en: number; queries: number; worst: string[] } }

/**
 * Issue 10's search figures: nDCG@10 of the relevance set (bench/directory/relevance.json) on the
 * real initial content, then p50/p95/p99 of searches on the content grown to `size` services
 * (default 20 000): the set's 62 queries as typed, the same with a filter each (municipality,
 * target group, age, language, open now), browsing by name, and the second page of a broad query.
 */
export async function benchDirectorySearch(t: Target, size: number, log: (line: string) => void): Promise<SearchBenchResult> {
  const base = JSON.parse(fs.readFileSync(loadConfig({}).directoryInitialContent!, 'utf8')) as DataSet;
  const relevance = JSON.parse(fs.readFileSync(path.resolve('bench/directory/relevance.json'), 'utf8')) as { queries: RelevanceQuery[] };

  // Relevance on the real content.
  await importDataSet(t.db, null, base);
  const scores: Record<string, number[]> = { nb: [], da: [], en: [] };
  const worst: { s: number; q: string }[] = [];
  for (const q of relevance.queries) {
    const r = await searchServices(t.db, { q: q.query, limit: 10 });
    const s = ndcgAt(10, r.results.map((h) => h.id), q.relevant);
    scores[q.lang].push(s);
    worst.push({ s, q: `${q.lang} "${q.query}"` });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const ndcg = {
    all: mean(Object.values(scores).flat()), nb: mean(scores.nb), da: mean(scores.da), en: mean(scores.en), queries: relevance.queries.length,
    worst: worst.sort((a, b) => a.s - b.s).slice(0, 5).map((w) => `${w.s.toFixed(2)} ${w.q}`),
  };

  // Speed on the grown directory.
  const grown = grownDataSet(base, size);
  const { ms: importMs } = await timed(() => importDataSet(t.db, null, grown));
  log(`  ${t.engine}: ${int(grown.services.length)} services imported (with their search rows) in ${(importMs / 1000).toFixed(1)} s`);

  // What a node pays to read the whole index after an import (decision 0036), and the longest the
  // event loop was held meanwhile; the searches below run on the copy already read, as a node's do.
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const { ms: readMs } = await timed(() => new DirectoryIndex().current(t.db));
  delay.disable();
  const loopDelayMaxMs = delay.max / 1e6;
  await searchServices(t.db, { q: 'hjelp', limit: 1 });

  const timings: Timing[] = [];
  const measure = async (name: string, params: SearchParams[]) => {
    const times: number[] = [];
    let totals = 0;
    for (let run = 0; run < RUNS_PER_QUERY; run++) {
      for (const p of params) {
        const r = await timed(() => searchServices(t.db, p));
        times.push(r.ms);
        totals += r.value.total;
      }
    }
    timings.push({ name, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), runs: times.length, avgTotal: totals / times.length });
  };
  const queries = relevance.queries.map((q) => q.query);
  const filters: Partial<SearchParams>[] = [{ municipality: 'Bergen' }, { targetGroup: 'barn' }, { age: 16 }, { language: 'da' }, { openNow: true }];
  await measure('the 62 relevance queries, as typed', queries.map((q) => ({ q, limit: 20 })));
  await measure('the same, each with a filter', queries.map((q, i) => ({ q, limit: 20, ...filters[i % filters.length] })));
  await measure('filters only (municipality, group, age, language, open now)', filters.map((f) => ({ limit: 20, ...f })));
  await measure('browse by name, first page', [{ limit: 20 }]);
  const first = await searchServices(t.db, { q: 'hjelp', limit: 20 });
  await measure('"hjelp", second page (by key)', [{ q: 'hjelp', limit: 20, cursor: first.next_cursor ?? undefined }]);
  const filterTimes: number[] = [];
  for (let run = 0; run < RUNS_PER_QUERY * 4; run++) filterTimes.push((await timed(() => searchFilters(t.db))).ms);
  timings.push({ name: 'the filters the page offers, with their counts', p50: percentile(filterTimes, 50), p95: percentile(filterTimes, 95), p99: percentile(filterTimes, 99), runs: filterTimes.length, avgTotal: size });
  // A coordinator's edit elsewhere: the next search reads that one row into this node's copy first.
  const edited = grown.services[grown.services.length - 1];
  const editTimes: number[] = [];
  let editTotals = 0;
  for (let run = 0; run < RUNS_PER_QUERY; run++) {
    await t.db.transaction().execute((trx) => rebuildSearchIndex(trx, String(edited.id)));
    const r = await timed(() => searchServices(t.db, { q: 'hjelp', limit: 20 }));
    editTimes.push(r.ms);
    editTotals += r.value.total;
  }
  timings.push({ name: '"hjelp" right after an edit elsewhere (reads that row first)', p50: percentile(editTimes, 50), p95: percentile(editTimes, 95), p99: percentile(editTimes, 99), runs: editTimes.length, avgTotal: editTotals / editTimes.length });
  return { engine: t.engine, services: grown.services.length, importMs, readMs, loopDelayMaxMs, timings, ndcg };
}

export function printDirectorySearch(r: SearchBenchResult) {
  console.log(`    a node reads the whole index in ${(r.readMs / 1000).toFixed(2)} s (event loop held at most ${ms(r.loopDelayMaxMs)} meanwhile)`);
  console.log(`    relevance: nDCG@10 ${r.ndcg.all.toFixed(3)} over ${r.ndcg.queries} queries (nb ${r.ndcg.nb.toFixed(3)}, da ${r.ndcg.da.toFixed(3)}, en ${r.ndcg.en.toFixed(3)}); lowest: ${r.ndcg.worst.join('; ')}`);
  for (const x of r.timings) console.log(`    ${x.name.padEnd(60)} p50 ${ms(x.p50).padStart(8)}  p95 ${ms(x.p95).padStart(8)}  p99 ${ms(x.p99).padStart(8)}  (${x.runs} runs, ${int(x.avgTotal)} matches on average)`);
}
