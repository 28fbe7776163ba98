import { helplineSnapshot } from '../src/modules/helplines/snapshot.js';
import { importCsv } from './import.js';
import { KPH, int, listen, loginAs, ms, type Target } from './common.js';

export interface UnderLoadResult {
  engine: string;
  rows: number;
  importMs: number;
  registrations: Latencies;
  pages: Latencies;
}

interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

function latencies(xs: number[]): Latencies {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN);
  return { count: s.length, p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? NaN };
}

/**
 * Issue 6, point 4: registrations and page loads while a large import runs. One counsellor
 * registers contacts back to back and one browser loads a page (/healthz, then the helplines
 * list) back to back, over HTTP on a real port, for as long as the import takes; every request
 * sent while it runs counts, also one held until it ended.
 */
export async function benchImportUnderLoad(t: Target, rows: number): Promise<UnderLoadResult> {
  const running = await listen(t);
  try {
    const snapshot = await helplineSnapshot(t.db, KPH);
    if (!snapshot) throw new Error(`helpline ${KPH} missing`);
    const body = importCsv(snapshot, rows);
    const admin = await loginAs(t, running.url, 'admin', []);
    const counsellor = await loginAs(t, running.url, 'counsellor', [KPH]);
    const contact = JSON.stringify({ helplineId: KPH, channel: 'telephone', kind: 'first_contact', startedAt: new Date().toISOString(), summary: 'bench' });
    let importing = true;
    const reg: number[] = [];
    const pages: number[] = [];
    const loop = async (out: number[], request: () => Promise<Response>) => {
      while (importing) {
        const start = performance.now();
        const res = await request();
        await res.arrayBuffer();
        if (res.status >= 300) throw new Error(`request failed during the import: ${res.status}`);
        // Sent while the import ran: counted even if it was held until the import ended.
        out.push(performance.now() - start);
      }
    };
    const started = performance.now();
    const imported = fetch(`${running.url}/api/imports?helplineId=${KPH}&format=csv&fileName=under-load.csv`, {
      method: 'POST', headers: { cookie: admin, 'content-type': 'text/csv' }, body: new Uint8Array(body),
    }).then(async (res) => {
      const text = await res.text();
      importing = false;
      if (res.status !== 200) throw new Error(`import failed: ${res.status} ${text.slice(0, 300)}`);
    });
    let page = 0;
    await Promise.all([
      imported,
      loop(reg, () => fetch(`${running.url}/api/contacts`, { method: 'POST', headers: { cookie: counsellor, 'content-type': 'application/json' }, body: contact })),
      loop(pages, () => fetch(`${running.url}${page++ % 2 ? '/api/helplines' : '/healthz'}`, { headers: { cookie: counsellor } })),
    ]);
    return { engine: t.engine, rows, importMs: performance.now() - started, registrations: latencies(reg), pages: latencies(pages) };
  } finally {
    await running.close();
  }
}

export function printUnderLoad(r: UnderLoadResult) {
  const line = (what: string, l: Latencies) => `           ${what.padEnd(15)} ${int(l.count)} answered; p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, max ${ms(l.max)}`;
  console.log(`  ${r.engine.padEnd(8)} import of ${int(r.rows)} rows took ${ms(r.importMs)} (${int(r.rows / (r.importMs / 1000))} rows/s) while:`);
  console.log(line('registrations', r.registrations));
  console.log(line('page loads', r.pages));
}
