import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { sealAudit, verifyAuditChain } from '../audit/service.js';
import { foldCountDeltas } from '../stats/fold.js';
import { backupTo, restoreFrom, BackupRefusedError } from './service.js';
import { backup, restore } from './commands.js';
import type { CliContext } from '../../cli/command.js';

const ctx = useTestApp(RK);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const contact = (summary: string, startedAt = '2025-03-14T10:15:00+01:00') => ({
  helplineId: RK,
  channel: 'telephone',
  kind: 'first_contact',
  startedAt,
  durationMinutes: 25,
  whoId: ctx.id('who:person_affected'),
  country: 'PK',
  themes: [{ themeId: ctx.id('theme:tvangsekteskap') }],
  summary,
  outcomes: ['advice_given'],
});

async function register(cookie: string, summary: string, startedAt?: string) {
  const res = await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie }, payload: contact(summary, startedAt) });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** Every row of every table (but Kysely's migration book-keeping), in a stable order: what "exactly what was there" means. */
async function everything(): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await sql<{ name: string }>`SELECT relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND relkind = 'r' AND relname NOT LIKE 'kysely%' ORDER BY 1`.execute(ctx.t.db);
  const all: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql.raw<{ r: string }>(`SELECT t::text AS r FROM "${name}" t ORDER BY 1`).execute(ctx.t.db);
    all[name] = rows.map((r) => r.r);
  }
  return all;
}


function cliContext(lines: string[]): CliContext {
  return { db: ctx.t.db, config: ctx.t.app.config, stdin: '', print: (line) => lines.push(line) };
}

describe('backup and restore', () => {
  it('restores exactly what was there when the backup was taken, and the audit chain verifies', async () => {
    const counsellor = await ctx.t.as('counsellor');
    await register(counsellor.cookie, 'Før sikkerhetskopien: første');
    await register(counsellor.cookie, 'Før sikkerhetskopien: andre\tmed tabulator og \\ skråstrek\nog ny linje');
    await foldCountDeltas(ctx.t.db);
    await register(counsellor.cookie, 'Før sikkerhetskopien: tredje, telling ikke foldet ennå');
    while ((await sealAudit(ctx.t.db)) > 0);
    const before = await everything();
    expect(before.contacts).toHaveLength(3);

    const file = path.join(dir, 'round-trip.bak');
    const lines: string[] = [];
    expect(await backup(cliContext(lines), [file])).toBe(0);
    expect(lines.join('\n')).toContain('contacts: 3');

    // After the backup: more work, a new user, a deleted contact, a changed user.
    const later = await ctx.t.as('coordinator');
    await register(later.cookie, 'Etter sikkerhetskopien');
    await sql`DELETE FROM contact_themes`.execute(ctx.t.db);
    await sql`UPDATE users SET display_name = 'Endret'`.execute(ctx.t.db);
    // A session made after the backup is in this node's cache now.
    expect((await ctx.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: later.cookie } })).statusCode).toBe(200);

    const restored: string[] = [];
    expect(await restore(cliContext(restored), [file])).toBe(0);
    expect(restored.join('\n')).toContain('contacts: 3');

    const after = await everything();
    // The audit log is the backup's, plus the restore's own entry (and the backup's, written after its snapshot).
    const restoreEntries = after.audit_log.filter((r) => !before.audit_log.includes(r as string));
    expect(restoreEntries).toHaveLength(1);
    expect(restoreEntries[0]).toContain('backup.restore');
    expect({ ...after, audit_log: after.audit_log.filter((r) => before.audit_log.includes(r as string)) }).toEqual(before);
    while ((await sealAudit(ctx.t.db)) > 0);
    expect(await verifyAuditChain(ctx.t.db)).toMatchObject({ ok: true, brokenAt: null });

    // The session made after the backup is gone at once (no cached copy served), the one before works.
    expect((await ctx.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: later.cookie } })).statusCode).toBe(401);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: counsellor.cookie } })).statusCode).toBe(200);
    // New contacts go on from here: sequences and counts are where the backup left them.
    await register(counsellor.cookie, 'Etter gjenopprettingen');
    await foldCountDeltas(ctx.t.db);
    const { rows } = await sql<{ n: number }>`SELECT sum(n)::int AS n FROM contact_counts WHERE dimension = 'total'`.execute(ctx.t.db);
    expect(rows[0].n).toBe(4);
  });

  it('refuses a damaged, cut-short or foreign file and changes nothing', async () => {
    const counsellor = await ctx.t.as('counsellor');
    await register(counsellor.cookie, 'Skal bli værende');
    const good = path.join(dir, 'good.bak');
    await backupTo(ctx.t.db, good);
    await register(counsellor.cookie, 'Også denne skal bli værende');
    const before = await everything();
    const bytes = fs.readFileSync(good);

    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 1;
    fs.writeFileSync(path.join(dir, 'flipped.bak'), flipped);
    fs.writeFileSync(path.join(dir, 'short.bak'), bytes.subarray(0, bytes.length - 200));
    fs.writeFileSync(path.join(dir, 'other.bak'), 'id,name\n1,Kari\n');
    // Another schema version, with a correct checksum: made by another Brobygger version.
    const text = bytes.toString('utf8');
    const body = text.slice(0, text.lastIndexOf('SHA256 ')).replace(/"schema":"[^"]+"/, '"schema":"209901010000_from_the_future"');
    fs.writeFileSync(path.join(dir, 'future.bak'), `${body}SHA256 ${crypto.createHash('sha256').update(body).digest('hex')}\n`);

    const expected: Record<string, RegExp> = {
      'flipped.bak': /flipped\.bak is damaged or incomplete/,
      'short.bak': /short\.bak is damaged or incomplete/,
      'other.bak': /other\.bak is not a Brobygger backup/,
      'future.bak': /future\.bak is of database version 209901010000_from_the_future, this database is at 2026\d+/,
      'missing.bak': /Cannot read .*missing\.bak/,
    };
    for (const [name, message] of Object.entries(expected)) {
      await expect(restoreFrom(ctx.t.db, path.join(dir, name))).rejects.toThrow(BackupRefusedError);
      const lines: string[] = [];
      expect(await restore(cliContext(lines), [path.join(dir, name)])).toBe(1);
      expect(lines.join('\n')).toMatch(message);
      expect(lines.join('\n')).toContain('Nothing was changed.');
    }
    expect(await everything()).toEqual(before);
  });
});
