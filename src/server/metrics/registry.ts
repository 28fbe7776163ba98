import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type pg from 'pg';

/**
 * What a node tells an operator (issue 8, point 8; docs/operations.md "Metrics"): one registry per
 * process, as one process is one node. Labels hold route patterns, job names and outcomes only,
 * never an id, an address or anything a user typed.
 */
export const metrics = new Registry();

let defaults = false;
/** Node.js's own figures (event-loop delay, heap, GC, CPU), started once by the first server. */
export function collectProcessMetrics(): void {
  if (defaults) return;
  defaults = true;
  // Event-loop delay is sampled every 10 ms (prom-client's monitorEventLoopDelay), reported as
  // nodejs_eventloop_lag_p99_seconds and friends.
  collectDefaultMetrics({ register: metrics, eventLoopMonitoringPrecision: 10 });
}

export const httpDuration = new Histogram({
  name: 'brobygger_http_request_duration_seconds',
  help: 'Time from a request arriving to its answer being sent, per route pattern, method and status class.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

export const groupCommitBatch = new Histogram({
  name: 'brobygger_group_commit_batch_size',
  help: 'Registrations written by one statement of the group commit (decision 0006).',
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
  registers: [metrics],
});

export const jobRuns = new Counter({
  name: 'brobygger_job_runs_total',
  help: 'Background job runs by job and outcome: done, idle (nothing to do), lock_held (another node did it), failed.',
  labelNames: ['job', 'outcome'] as const,
  registers: [metrics],
});

export const jobDuration = new Histogram({
  name: 'brobygger_job_duration_seconds',
  help: 'How long a background job run took, by job.',
  labelNames: ['job'] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
  registers: [metrics],
});

export const poolWait = new Histogram({
  name: 'brobygger_db_pool_wait_seconds',
  help: 'Time a statement waited for a connection from the PostgreSQL pool.',
  buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  registers: [metrics],
});

const pools = new Set<pg.Pool>();

/** Connections of the node's PostgreSQL pools: in use, idle, and requests waiting for one. */
new Gauge({
  name: 'brobygger_db_pool_connections',
  help: 'PostgreSQL pool connections by state (in_use, idle) and statements waiting for one (waiting).',
  labelNames: ['state'] as const,
  registers: [metrics],
  collect() {
    let total = 0;
    let idle = 0;
    let waiting = 0;
    for (const pool of pools) {
      // A pool that was ended (a test's database, a closed node) is no longer counted.
      if ((pool as unknown as { ending?: boolean }).ending) {
        pools.delete(pool);
        continue;
      }
      total += pool.totalCount;
      idle += pool.idleCount;
      waiting += pool.waitingCount;
    }
    this.set({ state: 'in_use' }, total - idle);
    this.set({ state: 'idle' }, idle);
    this.set({ state: 'waiting' }, waiting);
  },
});

/** Counts a pool in the pool gauges and times each wait for one of its connections. */
export function watchPool(pool: pg.Pool): void {
  if (pools.has(pool)) return;
  pools.add(pool);
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    // Kysely asks for a connection with a promise; a callback caller is passed through untimed.
    if (args.length) return connect(...args);
    const started = performance.now();
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      poolWait.observe((performance.now() - started) / 1000);
      return client;
    });
  };
}
