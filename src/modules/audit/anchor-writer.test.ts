import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { loggerOptions } from '../../server/logging.js';
import { startJobs } from '../../server/start.js';
import { chainHead, writeAudit } from './service.js';
import { createAnchorWriter } from './anchor-writer.js';

/**
 * The server's background sealer anchors the chain's head at intervals (decision 0024): after a
 * seal run that moved the head, at most once per AUDIT_ANCHOR_INTERVAL_SECONDS, and at shutdown;
 * each time a line in the log and one in AUDIT_ANCHOR_FILE. Here the interval is 400 ms and the
 * sealer runs every 50 ms, so many seal runs fall within one interval.
 */
const ctx = useTestApp(RK);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-anchor-writer-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const INTERVAL_MS = 400;

/** Waits for a condition, polling; fails after the time given (a busy machine gets room). */
async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const unsealed = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE hash IS NULL`.execute(ctx.t.db)).rows[0].n);
const linesOf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);

describe('the sealer anchors the chain head', () => {
  it('after seal runs that moved the head, at most once per interval, to the log and the file; and at shutdown', async () => {
    const file = path.join(dir, 'anchors.jsonl');
    const logged: Record<string, unknown>[] = [];
    const logStream = new Writable({ write(chunk, _enc, done) { logged.push(JSON.parse(String(chunk))); done(); } });
    const anchors = createAnchorWriter({ file, intervalMs: INTERVAL_MS, log: pino(loggerOptions('info'), logStream) });
    const stop = startJobs(ctx.t.db, ctx.t.app, 50, anchors);
    let written = 0;
    try {
      // One audited action at a time, each sealed before the next, until three anchors are out.
      while (linesOf(file).length < 3) {
        await writeAudit(ctx.t.db, { actorId: null, action: 'test.anchor_interval', entity: 'test', detail: { n: ++written } });
        await until('the entry to be sealed', async () => (await unsealed()) === 0);
      }
    } finally {
      stop();
    }
    const inFile = linesOf(file);
    // Each seal run moved the head by one entry (every 50 ms or so); the anchors are never closer than the interval.
    const times = inFile.map((a) => Date.parse(a.at));
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(INTERVAL_MS);
    // The first sealed entry was anchored at once; each anchor names an entry as it is stored.
    expect(inFile[0].seq).toBe('1');
    for (const a of inFile) {
      const row = await ctx.t.db.selectFrom('audit_log').select('hash').where('chain_seq', '=', a.seq).executeTakeFirstOrThrow();
      expect(a.hash).toBe(row.hash);
    }
    expect(inFile.map((a) => Number(a.seq))).toEqual([...inFile.map((a) => Number(a.seq))].sort((x, y) => x - y));

    // At shutdown the head is anchored whatever the interval: the file ends at the last entry.
    const head = await chainHead(ctx.t.db);
    expect(head?.seq).toBe(String(written));
    await anchors.flush(head);
    const final = linesOf(file);
    expect(final.at(-1)).toMatchObject({ seq: String(written), hash: head!.hash });

    // The log has the same anchors, line for line, and nothing but position, hash and time.
    const inLog = logged.filter((l) => l.auditAnchor);
    expect(inLog.map((l) => l.auditAnchor)).toEqual(final);
    for (const l of inLog) {
      expect(l).toMatchObject({ level: 30, msg: 'audit chain head anchored' });
      expect(Object.keys(l).sort()).toEqual(['auditAnchor', 'hostname', 'level', 'msg', 'pid', 'time']);
    }
  }, 120_000);

  it('writes nothing when the head has not moved since the last anchor', async () => {
    const file = path.join(dir, 'quiet.jsonl');
    const anchors = createAnchorWriter({ file, intervalMs: 0, log: pino({ level: 'silent' }) });
    const head = await chainHead(ctx.t.db);
    await anchors.flush(head);
    await anchors.flush(head);
    anchors.record(head);
    await anchors.tick();
    expect(linesOf(file).map((a) => a.seq)).toEqual([head!.seq]);
  });

  it('POSTs each anchor as JSON to AUDIT_ANCHOR_URL', async () => {
    const received: unknown[] = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, type: req.headers['content-type'], body: JSON.parse(body) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = receiver.address() as import('node:net').AddressInfo;
      const anchors = createAnchorWriter({ url: `http://127.0.0.1:${port}/anchors`, intervalMs: 0, log: pino({ level: 'silent' }) });
      const head = await chainHead(ctx.t.db);
      await anchors.flush(head);
      expect(received).toEqual([{ method: 'POST', url: '/anchors', type: 'application/json', body: { seq: head!.seq, hash: head!.hash, at: expect.any(String) } }]);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
