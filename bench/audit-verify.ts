import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { sealAudit } from '../src/modules/audit/service.js';
import { int, listen, loginAs, ms, type Target } from './common.js';

export interface AuditVerifyResult {
  engine: string;
  entries: number;
  verifyMs: number;
  health: { count: number; p50: number; p99: number; max: number };
  loopDelay: { p99: number; max: number };
}

/**
 * Issue 8, point 4: GET /api/audit/verify on a long log while /healthz is asked back to back over
 * HTTP. Before, verification loaded every entry at once (97 000 entries held /healthz 580 ms);
 * now it reads 2 000 at a time and yields between batches.
 */
export async function benchAuditVerify(t: Target, entries: number): Promise<AuditVerifyResult> {
  await sql`INSERT INTO audit_log (actor_id, action, entity, entity_id, detail)
            SELECT NULL, 'contact.read', 'contact', gen_random_uuid()::text, jsonb_build_object('helplineId', 'kors-pa-halsen', 'fields', jsonb_build_array('summary'))
            FROM generate_series(1, ${entries}) AS i`.execute(t.db);
  while ((await sealAudit(t.db, 5000)) > 0) {
    /* seal the whole log first: only verification is measured */
  }
  const running = await listen(t, { jobs: false });
  try {
    const admin = await loginAs(t, running.url, 'admin', []);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    let verifying = true;
    const health: number[] = [];
    const started = performance.now();
    delay.enable();
    const verified = fetch(`${running.url}/api/audit/verify`, { headers: { cookie: admin } }).then(async (res) => {
      const body = await res.json();
      verifying = false;
      if (res.status !== 200 || !body.ok) throw new Error(`verification failed: ${res.status} ${JSON.stringify(body)}`);
      return performance.now() - started;
    });
    const probe = async () => {
      while (verifying) {
        const t0 = performance.now();
        const res = await fetch(`${running.url}/healthz`);
        await res.arrayBuffer();
        health.push(performance.now() - t0);
      }
    };
    const [verifyMs] = await Promise.all([verified, probe()]);
    delay.disable();
    const s = [...health].sort((a, b) => a - b);
    const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN);
    return {
      engine: t.engine,
      entries,
      verifyMs,
      health: { count: s.length, p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? NaN },
      loopDelay: { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
    };
  } finally {
    await running.close();
  }
}

export function printAuditVerify(r: AuditVerifyResult) {
  console.log(`  ${r.engine.padEnd(8)} verification of ${int(r.entries)} entries took ${ms(r.verifyMs)}; meanwhile /healthz ${int(r.health.count)} answered, p50 ${ms(r.health.p50)}, p99 ${ms(r.health.p99)}, max ${ms(r.health.max)}; event-loop delay p99 ${ms(r.loopDelay.p99)}, max ${ms(r.loopDelay.max)}`);
}
