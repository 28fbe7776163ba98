import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { rehashAuditFrom, tamperAudit } from '../../test/audit-tamper.js';
import { anchorWriterFor } from '../../server/start.js';
import { sealPending, verifyAuditChain, writeAudit } from './service.js';
import { AnchorFileError, anchorChunks } from './anchor-file.js';
import { verifyAuditLog } from './anchor-check.js';

/**
 * Anchors (decision 0024): the chain's head written outside the database, and verification that
 * compares the chain with them. The attacker is a database superuser who rewrites a sealed entry
 * and then re-hashes every entry after it, so the chain alone verifies; only the anchors show it.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-anchors-'));
const anchorFile = path.join(dir, 'audit-anchors.jsonl');
const ctx = useTestApp(RK, { auditAnchorFile: anchorFile, auditAnchorIntervalMs: 0 });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let admin: { cookie: string };
let stored: Record<string, unknown>[];
let anchorLines: { seq: string; hash: string; at: string }[];

const verify = () => ctx.t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: admin.cookie } });

const tamper = (...statements: RawBuilder<unknown>[]) => tamperAudit(ctx.t.db, ...statements);
const rehashFrom = (from: number) => rehashAuditFrom(ctx.t.db, from);

async function restore() {
  await tamper(sql`DELETE FROM audit_log`);
  await ctx.t.db.insertInto('audit_log').values(stored.map((r) => ({ ...r, detail: JSON.stringify(r.detail) }) as never)).execute();
}

/** Writes n audited actions, seals them and anchors the head, as the server's sealer does. */
async function writeSealAnchor(n: number) {
  for (let i = 0; i < n; i++) await writeAudit(ctx.t.db, { actorId: null, action: 'test.anchored', entity: 'test', detail: { i } });
  const run = await sealPending(ctx.t.db);
  await anchorWriterFor(ctx.t.app).flush(run.head);
}

beforeAll(async () => {
  // Entry 1: the administrator. Then the sealer anchors after entry 5, after 6, and after 8.
  admin = await ctx.t.as('admin', []);
  await writeSealAnchor(4);
  await writeSealAnchor(1);
  await writeSealAnchor(2);
  stored = await ctx.t.db.selectFrom('audit_log').selectAll().orderBy('chain_seq').execute();
  anchorLines = fs.readFileSync(anchorFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}, 120_000);

afterEach(restore);

describe('the anchors file', () => {
  it('holds one line per anchor: the sequence and hash of the head, and the time, nothing else', () => {
    expect(stored.map((r) => String(r.chain_seq))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(anchorLines.map((a) => Object.keys(a))).toEqual([['seq', 'hash', 'at'], ['seq', 'hash', 'at'], ['seq', 'hash', 'at']]);
    expect(anchorLines.map((a) => a.seq)).toEqual(['5', '6', '8']);
    expect(anchorLines.map((a) => a.hash)).toEqual([stored[4].hash, stored[5].hash, stored[7].hash]);
    for (const a of anchorLines) expect(Number.isNaN(Date.parse(a.at))).toBe(false);
  });
});

describe('GET /api/audit/verify with AUDIT_ANCHOR_FILE', () => {
  it('an intact log: ok, and every anchor agrees', async () => {
    const res = await verify();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, sealed: 8, brokenAt: null, anchors: { checked: 3, brokenAt: null, writtenAt: null, agreesUpTo: '8' } });
  });

  it('entry 6 rewritten and every entry after it re-hashed: the chain alone says ok, the anchors name entry 6', async () => {
    await tamper(sql`UPDATE audit_log SET action = 'test.forged' WHERE chain_seq = 6`);
    await rehashFrom(6);
    // The limit of the chain on its own (decision 0023): whole again after re-hashing.
    expect(await verifyAuditChain(ctx.t.db)).toEqual({ ok: true, sealed: 8, brokenAt: null });
    const res = await verify();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: false, sealed: 8, brokenAt: '6', anchors: { checked: 3, brokenAt: '6', writtenAt: anchorLines[1].at, agreesUpTo: '5' } });
  });

  it('entry 7 rewritten and re-hashed on, between two anchors: the next anchor (8) is named, and the last that agrees (6)', async () => {
    await tamper(sql`UPDATE audit_log SET detail = '{"i": 99}' WHERE chain_seq = 7`);
    await rehashFrom(7);
    expect(await verifyAuditChain(ctx.t.db)).toEqual({ ok: true, sealed: 8, brokenAt: null });
    expect((await verify()).json()).toEqual({ ok: false, sealed: 8, brokenAt: '8', anchors: { checked: 3, brokenAt: '8', writtenAt: anchorLines[2].at, agreesUpTo: '6' } });
  });

  it('the last two entries deleted (a truncated tail): broken at 7, the first entry gone, past anchor 6', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE chain_seq > 6`);
    expect(await verifyAuditChain(ctx.t.db)).toEqual({ ok: true, sealed: 6, brokenAt: null });
    expect((await verify()).json()).toEqual({ ok: false, sealed: 6, brokenAt: '7', anchors: { checked: 3, brokenAt: '8', writtenAt: anchorLines[2].at, agreesUpTo: '6' } });
  });

  it('the tail replaced by other entries, re-hashed: the anchor of entry 8 disagrees', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE chain_seq = 8`, sql`UPDATE audit_log SET entity_id = 'x' WHERE chain_seq = 7`);
    await rehashFrom(7);
    expect((await verify()).json()).toEqual({ ok: false, sealed: 7, brokenAt: '8', anchors: { checked: 3, brokenAt: '8', writtenAt: anchorLines[2].at, agreesUpTo: '6' } });
  });

  it('a change the chain finds itself is still named where the chain breaks', async () => {
    await tamper(sql`UPDATE audit_log SET action = 'test.forged' WHERE chain_seq = 3`);
    // Not re-hashed: entry 3 no longer matches its hash; the anchors still agree with the stored hashes.
    expect((await verify()).json()).toEqual({ ok: false, sealed: 8, brokenAt: '3', anchors: { checked: 3, brokenAt: null, writtenAt: null, agreesUpTo: '8' } });
  });

  it('an anchors file that cannot be read: 503 with a message for the administrator, no verdict', async () => {
    fs.renameSync(anchorFile, `${anchorFile}.moved`);
    try {
      const res = await verify();
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'audit_anchors_unreadable', message: 'Revisjonsloggens ankerfil (AUDIT_ANCHOR_FILE) kan ikke leses, så loggen kan ikke kontrolleres mot den. Be driftsansvarlig se i serverloggen.' });
    } finally {
      fs.renameSync(`${anchorFile}.moved`, anchorFile);
    }
  });
});

describe('anchors read from a copy: log lines, two nodes, any order', () => {
  const copy = path.join(dir, 'collected.txt');
  const line = (a: { seq: string; hash: string; at: string }) => JSON.stringify({ level: 30, time: 1, pid: 7, hostname: 'node-b', auditAnchor: a, msg: 'audit chain head anchored' });

  it('takes anchors from log lines and the file alike, skips other lines, and finds the first that disagrees across chunks', async () => {
    fs.writeFileSync(copy, [
      'Brobygger is running at http://localhost:3000',
      JSON.stringify({ level: 30, msg: 'request completed' }),
      line(anchorLines[2]), // node B's log: entry 8
      '',
      JSON.stringify(anchorLines[0]), // node A's file: entry 5
      JSON.stringify(anchorLines[1]), // entry 6
      '{"seq":"9","hash":"', // a line cut short by a crash
    ].join('\n'));
    // Two anchors per chunk, so the order across chunks matters.
    expect(await verifyAuditLog(ctx.t.db, anchorChunks(copy, 2))).toEqual({ ok: true, sealed: 8, brokenAt: null, anchors: { checked: 3, brokenAt: null, writtenAt: null, agreesUpTo: '8' } });
    await tamper(sql`UPDATE audit_log SET action = 'test.forged' WHERE chain_seq = 6`);
    await rehashFrom(6);
    // Entry 8's anchor comes first in the file; entry 6's is still the first position named.
    expect(await verifyAuditLog(ctx.t.db, anchorChunks(copy, 2))).toEqual({ ok: false, sealed: 8, brokenAt: '6', anchors: { checked: 3, brokenAt: '6', writtenAt: anchorLines[1].at, agreesUpTo: '5' } });
  });

  it('a line that claims to be an anchor but is not one is an error naming the line', async () => {
    fs.writeFileSync(copy, `${JSON.stringify(anchorLines[0])}\n${JSON.stringify({ auditAnchor: { seq: '6', hash: 'not-a-hash' } })}\n`);
    await expect(verifyAuditLog(ctx.t.db, anchorChunks(copy))).rejects.toThrow(new AnchorFileError(`${copy}, line 2: not an anchor (a sequence number and a 64-digit hash)`));
  });
});
