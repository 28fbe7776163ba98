import type { FastifyBaseLogger } from 'fastify';
import { jobDuration, jobRuns } from './metrics/registry.js';

export type JobOutcome = 'done' | 'idle' | 'lock_held' | 'failed';

/**
 * Runs one background job, timing it and counting its outcome (metrics), and rethrows a failure.
 * `outcome` says from the job's result whether it did something, had nothing to do, or found
 * another node holding its lock.
 */
export async function runJob<T>(job: string, run: () => Promise<T>, outcome: (result: T) => JobOutcome): Promise<T> {
  const end = jobDuration.startTimer({ job });
  try {
    const result = await run();
    jobRuns.inc({ job, outcome: outcome(result) });
    return result;
  } catch (err) {
    jobRuns.inc({ job, outcome: 'failed' });
    throw err;
  } finally {
    end();
  }
}

/**
 * What the frequent jobs (sealing and folding every 2 s, import recovery every minute) did, added
 * up and written as one log line a minute: a line per run would be 43 200 a day per node.
 */
export class JobSummary {
  private counts: Record<string, number> = {};
  private since = Date.now();

  constructor(private readonly log: FastifyBaseLogger, private readonly everyMs = 60_000) {}

  add(key: string, n = 1): void {
    this.counts[key] = (this.counts[key] ?? 0) + n;
  }

  /** Writes the line when a minute has passed since the last one. */
  maybeWrite(now = Date.now()): void {
    if (now - this.since < this.everyMs) return;
    this.log.info({ jobs: { ...this.counts, seconds: Math.round((now - this.since) / 1000) } }, 'background jobs in the last minute');
    this.counts = {};
    this.since = now;
  }
}
