import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { helplineSnapshot } from '../src/modules/helplines/snapshot.js';
import { demoContacts } from '../src/modules/demo/service.js';
import { cpuText, watchCpu, type CpuShare } from './machine.js';
import { KPH, int, listen, loginAs, ms, type Target } from './common.js';

export interface HttpResult {
  engine: string;
  connections: number;
  seconds: number;
  requestsPerSec: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  stored: number;
  unsealedAudit: number;
  /** How long the server's event loop was held up (p99, max): what a request waits behind. */
  loopDelayP99: number;
  loopDelayMax: number;
  cpu: CpuShare;
}

/**
 * POST /api/contacts on the real app over a real socket, as one counsellor with one session.
 * The load generator runs in its own worker thread so it does not share the server's event loop.
 */
export async function benchContactsHttp(t: Target, opts: { connections: number; seconds: number; bodies?: number; jobs?: boolean }): Promise<HttpResult> {
  const running = await listen(t, { jobs: opts.jobs });
  try {
    const cookie = await loginAs(t, running.url, 'counsellor', [KPH]);
    const snapshot = await helplineSnapshot(t.db, KPH);
    if (!snapshot) throw new Error(`helpline ${KPH} missing`);
    // A few different valid contacts (demo generator: real category ids of this database), rotated.
    const bodies = demoContacts(snapshot, new Date().getUTCFullYear() - 1, opts.bodies ?? 8, 42);
    const before = await countContacts(t);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const stopWatch = watchCpu(t.pgPids);
    const result = await autocannon({
      url: running.url,
      connections: opts.connections,
      duration: opts.seconds,
      workers: 1,
      headers: { cookie, 'content-type': 'application/json' },
      requests: bodies.map((b) => ({ method: 'POST' as const, path: '/api/contacts', body: JSON.stringify(b) })),
    });
    const cpu = stopWatch();
    loop.disable();
    const stored = (await countContacts(t)) - before;
    const unsealed = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE hash IS NULL`.execute(t.db);
    return {
      engine: t.engine,
      connections: opts.connections,
      seconds: opts.seconds,
      requestsPerSec: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      total: result.requests.total,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      stored,
      unsealedAudit: unsealed.rows[0].n,
      loopDelayP99: loop.percentile(99) / 1e6,
      loopDelayMax: loop.max / 1e6,
      cpu,
    };
  } finally {
    await running.close();
  }
}

async function countContacts(t: Target): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM contacts`.execute(t.db);
  return rows[0].n;
}

export function printHttp(r: HttpResult) {
  console.log(
    `  ${r.engine.padEnd(8)} ${String(r.connections).padStart(3)} conn ${r.seconds}s: ${int(r.requestsPerSec)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; ` +
      `${int(r.total)} requests, ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx; ${int(r.stored)} contacts stored, ${int(r.unsealedAudit)} audit rows not yet sealed`,
  );
  console.log(`           ${cpuText(r.cpu)}; server event loop held up p99 ${ms(r.loopDelayP99)}, max ${ms(r.loopDelayMax)} (5 ms sampling)`);
}
