import { sql } from 'kysely';
import { helplineSnapshot, versionAt, type HelplineSnapshot } from '../src/modules/helplines/snapshot.js';
import { annualReport } from '../src/modules/stats/service.js';
import { foldCountDeltas } from '../src/modules/stats/fold.js';
import type { Actor } from '../src/modules/auth/policy.js';
import { cpuText, watchCpu, type CpuShare } from './machine.js';
import { KPH, int, listen, loginAs, median, ms, timed, type Target } from './common.js';

const COUNTRIES = ['NO', 'SO', 'PK', 'IQ', 'SY', 'AF', 'RU', 'TR', 'ER', 'MA', 'IR', 'VN', 'PL', 'LK'];
const RUNS = 5;

const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
const harmonic = (n: number, power = 1) => Array.from({ length: n }, (_, k) => 1 / (k + 1) ** power);

/** SQL picking one of `items` at random per row, with relative `weights` (uniform without). */
function pick(items: (string | number | null)[], weights = items.map(() => 1), cast = ''): string {
  const total = weights.reduce((a, b) => a + b, 0);
  const bounds: number[] = [];
  let acc = 0;
  for (const w of weights) { bounds.push(acc / total); acc += w; }
  return `(ARRAY[${items.map(lit).join(',')}]${cast})[width_bucket(random(), ARRAY[${bounds.join(',')}]::float8[])]`;
}

/** `items` plus NULL ("not stated") with probability `none`. */
function pickOrNull(ids: number[], weights: number[], none: number): string {
  const sum = weights.reduce((a, b) => a + b, 0);
  return pick([...ids, null], [...weights.map((w) => (w / sum) * (1 - none)), none], '::int[]');
}

/**
 * One INSERT … SELECT generate_series statement per chunk: contacts and their themes with the same
 * shape as the demo generator (skewed picks, kinds 70/12/15/3, 35 % with a second theme), in the
 * helpline's real category ids. The statement-level triggers keep the rollups, as in production.
 */
function chunkSql(s: HelplineSnapshot, year: number, n: number): string {
  const date = `${year}-06-30`;
  const ids = (dimension: string) => [...s.categories.values()].filter((c) => c.dimension === dimension && !versionAt(c, date).retired).map((c) => c.id);
  const who = ids('who');
  const themes = ids('theme');
  const subsOf = themes.map((t) => `(${t}, ARRAY[${ids('subtheme').filter((id) => s.categories.get(id)?.parentId === t).join(',')}]::int[])`);
  const channels = s.channels;
  return `
WITH base AS MATERIALIZED (
  SELECT gen_random_uuid() AS id,
         ${pick(['first_contact', 'repeat_contact', 'knowledge_request', 'talk_given'], [70, 12, 15, 3])} AS kind,
         timestamptz '${year}-01-01 08:00+00' + make_interval(days => floor(random() * 365)::int) + random() * interval '8 hours' AS started_at
  FROM generate_series(1, ${n})
), r AS MATERIALIZED (
  SELECT id, kind, started_at, (started_at AT TIME ZONE ${lit(s.timeZone)})::date AS local_date,
         ${pick(channels, channels.map((c) => (c === 'telephone' ? 6 : 1)))} AS channel,
         CASE WHEN kind = 'knowledge_request' THEN NULL ELSE ${pickOrNull(who, harmonic(who.length), 0.05)} END AS who_id,
         ${pickOrNull(ids('age_group'), ids('age_group').map(() => 1), 0.12)} AS age_group_id,
         ${pickOrNull(ids('gender'), harmonic(ids('gender').length, 2), 0.05)} AS gender_id,
         ${pick([...COUNTRIES, 'not_stated', 'not_asked'], [...harmonic(COUNTRIES.length).map((w) => (w / harmonic(COUNTRIES.length).reduce((a, b) => a + b)) * 0.55), 0.225, 0.225])} AS country,
         CASE WHEN kind = 'knowledge_request' THEN ${pick(ids('body_type'), undefined, '::int[]')} END AS body_type_id,
         CASE WHEN random() < 0.2 THEN ARRAY['advice_given','follow_up_case'] ELSE ARRAY['advice_given'] END AS outcomes,
         CASE WHEN kind <> 'talk_given' THEN ${pick(themes, harmonic(themes.length), '::int[]')} END AS theme1,
         CASE WHEN kind <> 'talk_given' AND random() < 0.35 THEN ${pick(themes, harmonic(themes.length), '::int[]')} END AS theme2
  FROM base
), ins AS (
  INSERT INTO contacts (id, helpline_id, channel, kind, started_at, local_date, duration_minutes, who_id, age_group_id, gender_id, country, body_type_id, outcomes, source)
  SELECT id, ${lit(s.id)}, channel, kind, started_at, local_date, 5 + floor(random() * 40)::int, who_id, age_group_id, gender_id, country, body_type_id, outcomes, 'demo' FROM r
)
INSERT INTO contact_themes (contact_id, theme_id, subtheme_ids, helpline_id, local_date, kind)
SELECT t.id, t.theme_id,
       CASE WHEN cardinality(x.subs) > 0 AND random() < 0.6 THEN ARRAY[x.subs[1 + floor(random() * cardinality(x.subs))::int]] ELSE '{}'::int[] END,
       ${lit(s.id)}, t.local_date, t.kind
FROM (SELECT id, theme1 AS theme_id, local_date, kind FROM r WHERE theme1 IS NOT NULL
      UNION ALL
      SELECT id, theme2, local_date, kind FROM r WHERE theme2 IS NOT NULL AND theme2 <> theme1) t
JOIN (VALUES ${subsOf.join(', ')}) AS x(theme_id, subs) USING (theme_id)`;
}

export async function bulkLoad(t: Target, year: number, total: number, chunk = 100_000): Promise<number> {
  const snapshot = await helplineSnapshot(t.db, KPH);
  if (!snapshot) throw new Error(`helpline ${KPH} missing`);
  const { ms: took } = await timed(async () => {
    for (let done = 0; done < total; done += chunk) await sql.raw(chunkSql(snapshot, year, Math.min(chunk, total - done))).execute(t.db);
    await sql`ANALYZE`.execute(t.db);
  });
  return took;
}

export interface ReportResult {
  engine: string;
  contacts: number;
  loadMs: number;
  rollupRows: number;
  themeRollupRows: number;
  serviceNoCharts: number;
  serviceCharts: number;
  httpNoCharts: number;
  httpCharts: number;
  scanMs: number;
  checkTotal: number;
  /** During the timed report runs (service and HTTP). */
  cpu: CpuShare;
}

/** Median of RUNS timed calls after one untimed warm call. */
async function medianOf(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(fn)).ms);
  return median(times);
}

export async function benchReport(t: Target, contacts: number, log: (line: string) => void): Promise<ReportResult> {
  const year = new Date().getUTCFullYear() - 1;
  const loadMs = await bulkLoad(t, year, contacts);
  log(`  ${t.engine}: loaded ${int(contacts)} contacts in ${(loadMs / 1000).toFixed(1)} s (${int(contacts / (loadMs / 1000))} rows/s, triggers on)`);
  const { ms: foldMs } = await timed(() => foldCountDeltas(t.db));
  log(`  ${t.engine}: folded the load's count deltas in ${ms(foldMs)}`);
  const count = async (table: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.db)).rows[0].n;

  const analyst: Actor = { id: '00000000-0000-0000-0000-000000000000', role: 'analyst', helplineIds: [] };
  // Analysts get the published view: complementary suppression included (cached per set of counts
  // after the first call, as for the dashboard, the printout and the downloads).
  const request = (charts: boolean) => annualReport(t.db, analyst, { helplineId: KPH, year, locale: 'nb', suppress: true, charts });
  const { ms: firstMs, value: report } = await timed(() => request(false));
  log(`  ${t.engine}: first published report (suppression not cached yet) ${ms(firstMs)}`);
  const stopWatch = watchCpu(t.pgPids);
  const serviceNoCharts = await medianOf(() => request(false));
  const serviceCharts = await medianOf(() => request(true));

  const running = await listen(t);
  let httpNoCharts: number;
  let httpCharts: number;
  try {
    const cookie = await loginAs(t, running.url, 'analyst', []);
    const get = (charts: boolean) => async () => {
      const res = await fetch(`${running.url}/api/stats/report?helplineId=${KPH}&year=${year}&charts=${charts}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`GET /api/stats/report: ${res.status} ${await res.text()}`);
      return res.arrayBuffer();
    };
    httpNoCharts = await medianOf(get(false));
    httpCharts = await medianOf(get(true));
  } finally {
    await running.close();
  }
  const cpu = stopWatch();

  // Why the rollups exist: the same groupings straight from the contacts table, once.
  const { ms: scanMs } = await timed(() => sql`
    SELECT kind, month, channel, who_id, age_group_id, gender_id, country, body_type_id, follow_up, count(*)
    FROM (SELECT kind, extract(month FROM local_date)::int AS month, channel, who_id, age_group_id, gender_id, country, body_type_id,
                 'follow_up_case' = ANY(outcomes) AS follow_up
          FROM contacts WHERE helpline_id = ${KPH} AND local_date BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}) c
    GROUP BY GROUPING SETS ((kind), (kind, month), (kind, channel), (kind, who_id), (kind, age_group_id, gender_id),
                            (kind, country), (kind, body_type_id), (kind, follow_up))`.execute(t.db));

  return {
    engine: t.engine,
    contacts,
    loadMs,
    rollupRows: await count('contact_counts'),
    themeRollupRows: await count('contact_count_deltas'),
    serviceNoCharts,
    serviceCharts,
    httpNoCharts,
    httpCharts,
    scanMs,
    checkTotal: Number(report.summary.total),
    cpu,
  };
}

export function printReport(r: ReportResult) {
  console.log(`  ${r.engine.padEnd(8)} ${int(r.contacts)} contacts (contact_counts ${int(r.rollupRows)} rows, unfolded deltas ${int(r.themeRollupRows)} rows; report total ${int(r.checkTotal)} first contacts + knowledge requests)`);
  console.log(`           annualReport(): ${ms(r.serviceNoCharts)} without charts, ${ms(r.serviceCharts)} with charts (charts cached after the first run; median of ${RUNS} after a warm run)`);
  console.log(`           GET /api/stats/report: ${ms(r.httpNoCharts)} charts=false, ${ms(r.httpCharts)} charts=true`);
  console.log(`           same groupings from the contacts table (no rollup), one run: ${ms(r.scanMs)}`);
  console.log(`           ${cpuText(r.cpu)} during the timed runs`);
}
