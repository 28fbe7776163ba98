import { describe, expect, it } from 'vitest';
import { testApp, RK, type TestApp } from '../../test/app.js';
import { runJob } from '../job-report.js';

/**
 * `GET /metrics` (issue 8, point 8): Prometheus's text format, for the operator's token only, with
 * the figures docs/operations.md tells them to watch.
 */
const TOKEN = 'metrics-token-of-the-operator-0123456789';

async function withApp<T>(token: string | undefined, fn: (t: TestApp) => Promise<T>): Promise<T> {
  const t = await testApp({ metricsToken: token });
  try {
    return await fn(t);
  } finally {
    await t.close();
  }
}

const scrape = (t: TestApp, authorization?: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url: '/metrics', headers: { ...(authorization ? { authorization } : {}), ...(cookie ? { cookie } : {}) } });

/** The value of one series in the text format, e.g. `brobygger_group_commit_batch_size_count`. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('who may read the metrics', () => {
  it('nobody when no METRICS_TOKEN is set: the endpoint answers 404', async () => {
    await withApp(undefined, async (t) => {
      expect((await scrape(t)).statusCode).toBe(404);
      expect((await scrape(t, `Bearer ${TOKEN}`)).statusCode).toBe(404);
    });
  });

  it('with a token set: 401 without it, with a wrong one, and for a signed-in administrator; 200 with it', async () => {
    await withApp(TOKEN, async (t) => {
      const admin = await t.as('admin', []);
      expect((await scrape(t)).statusCode).toBe(401);
      expect((await scrape(t, `Bearer ${TOKEN}x`)).statusCode).toBe(401);
      expect((await scrape(t, TOKEN)).statusCode).toBe(401);
      expect((await scrape(t, undefined, admin.cookie)).statusCode).toBe(401);
      const ok = await scrape(t, `Bearer ${TOKEN}`);
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['content-type']).toContain('text/plain');
    });
  });

  it('refuses a token shorter than 32 characters at start, naming the setting', async () => {
    const { loadConfig } = await import('../../config.js');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('what the metrics show', () => {
  it('request times per route pattern, event-loop delay, pool use, group-commit batches and job runs', async () => {
    await withApp(TOKEN, async (t) => {
      const counsellor = await t.as('counsellor', [RK]);
      const before = valueOf((await scrape(t, `Bearer ${TOKEN}`)).body, 'brobygger_group_commit_batch_size_count') ?? 0;
      const res = await t.app.inject({
        method: 'POST', url: '/api/contacts', headers: { cookie: counsellor.cookie },
        payload: { helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2022-03-14T10:15:00+01:00' },
      });
      expect(res.statusCode).toBe(201);
      const opened = await t.app.inject({ method: 'GET', url: `/api/contacts/${res.json().id}`, headers: { cookie: counsellor.cookie } });
      expect(opened.statusCode).toBe(200);
      await runJob('stats_fold', async () => 3, (n) => (n ? 'done' : 'idle'));

      const text = (await scrape(t, `Bearer ${TOKEN}`)).body;
      // The route's pattern, never the contact's id.
      expect(text).toMatch(/brobygger_http_request_duration_seconds_count\{method="GET",route="\/api\/contacts\/:id",status="2xx"\} [1-9]/);
      expect(text).not.toContain(res.json().id);
      expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds [0-9.e-]+$/m);
      expect(valueOf(text, 'brobygger_group_commit_batch_size_count')).toBe(before + 1);
      expect(text).toMatch(/brobygger_job_runs_total\{job="stats_fold",outcome="done"\} [1-9]/);
      expect(text).toMatch(/brobygger_job_duration_seconds_count\{job="stats_fold"\} [1-9]/);
      expect(text).toMatch(/brobygger_db_pool_connections\{state="waiting"\} \d+/);
      if (t.engine === 'postgres') {
        expect(valueOf(text, 'brobygger_db_pool_connections{state="idle"}')).toBeGreaterThan(0);
        expect(valueOf(text, 'brobygger_db_pool_wait_seconds_count')).toBeGreaterThan(0);
      }
    });
  });
});
