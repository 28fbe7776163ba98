import { Piscina } from 'piscina';
import type { Locale } from '../../shared/enums.js';
import type { ReportTable } from '../../shared/schemas/stats.js';
import type { Chart } from '../../shared/charts/chart-for.js';

/**
 * The server draws charts only for the printable report (and the API's `charts=true`), never for
 * the dashboard, whose charts the browser draws (decision 0026). A drawing takes 5–100 ms of CPU,
 * so it is done in one worker thread, never on the event loop that answers counsellors, and kept
 * by what it shows (the table's title, columns and every value): a number that changes draws a
 * new chart, a reprint of the same figures draws nothing.
 */
const CACHE_MAX = 500;
const cache = new Map<string, Promise<Chart>>();
let pool: Piscina | undefined;
let lastThreadId: number | undefined;

function workers(): Piscina {
  // One thread: printing is rare, and on a small machine a second would take a core from requests.
  // It ends when idle for a minute and starts again (about a second) on the next print.
  pool ??= new Piscina({ filename: new URL('./chart-worker.mjs', import.meta.url).href, minThreads: 0, maxThreads: 1, idleTimeout: 60_000 });
  return pool;
}

const keyOf = (t: ReportTable, locale: Locale) => JSON.stringify([locale, t.id, t.title, t.columns, t.rows]);

/** Each table's chart, in order: from the cache, or drawn in the worker thread. */
export async function chartsOf(tables: ReportTable[], locale: Locale): Promise<Chart[]> {
  const keys = tables.map((t) => keyOf(t, locale));
  const missing = keys.flatMap((key, i) => (cache.has(key) ? [] : [{ key, table: tables[i] }]));
  if (missing.length) {
    const drawn = workers().run({ tables: missing.map((m) => m.table), locale }) as Promise<{ threadId: number; charts: Chart[] }>;
    missing.forEach(({ key }, k) => {
      const chart = drawn.then((d) => {
        lastThreadId = d.threadId;
        return d.charts[k];
      });
      // A failed drawing is not kept: the next print tries again.
      chart.catch(() => cache.delete(key));
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
      cache.set(key, chart);
    });
  }
  return Promise.all(keys.map((k) => cache.get(k)!));
}

/** The thread that drew the last charts (0 would be the server's own). */
export const lastDrawingThread = () => lastThreadId;

/** Ends the worker thread (at shutdown). */
export async function closeChartPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
