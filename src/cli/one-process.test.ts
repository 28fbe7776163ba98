import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PASSWORD, RK } from '../test/app.js';
import { brobygger, loginStatus, startServerProcess, type ServerProcess } from '../test/processes.js';
import { PROCESS_TEST_MS } from '../test/wait.js';

/**
 * One process per embedded data directory, with real processes: a second server refuses and names
 * the first; the CLI works while the server runs (the server carries its commands out) and what it
 * did is there after a restart; a lock left by kill -9 is taken over; backup and restore run online.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-one-'));
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start() {
  const server = await startServerProcess(dataDir);
  running.push(server);
  return server;
}

// The users here are counsellors: a right password is answered with the second step (202,
// decision 0014), which is all these tests need to know that the user and password are there.
const PASSWORD_ACCEPTED = 202;
const userCreate = (email: string, role = 'counsellor') =>
  brobygger(dataDir, ['user', 'create', '--email', email, '--role', role, '--helpline', RK], `${PASSWORD}\n`);

describe.skipIf(!!process.env.TEST_DATABASE_URL)('one process per data directory', () => {
  it('a second server on the same DATA_DIR refuses and names the first', { timeout: PROCESS_TEST_MS }, async () => {
    const first = await start();
    const second = await brobygger(dataDir, ['start']);
    expect(second.code).not.toBe(0);
    expect(second.out).toContain(`The data directory ${dataDir} is in use by process ${first.child.pid} (brobygger start, since `);
    expect(second.out).toContain('Stop that server first, or run other brobygger commands while it runs');
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });

  it('the CLI works while the server runs, and what it did is there after a restart', { timeout: PROCESS_TEST_MS }, async () => {
    const server = running[0];
    const created = await userCreate('kari@example.org');
    expect(created.out.trim()).toBe('Created counsellor kari@example.org');
    expect(created.code).toBe(0);
    expect(await loginStatus(server.url, 'kari@example.org', PASSWORD)).toBe(PASSWORD_ACCEPTED);
    // A refusal comes back with the server's message and exit code.
    const again = await userCreate('kari@example.org');
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/e-?mail/i);
    const link = await brobygger(dataDir, ['setup-link']);
    expect(link).toEqual({ code: 0, out: 'Users exist already: no setup link.\n' });
    const retention = await brobygger(dataDir, ['retention']);
    expect(retention.code).toBe(0);
    expect(retention.out).toContain('Expired sessions deleted: 0');
    const audit = await brobygger(dataDir, ['audit', 'verify']);
    expect(audit.code).toBe(0);
    expect(audit.out).toMatch(/^Audit log intact: \d+ entries verified\.\n$/);

    await server.stop();
    running.pop();
    const restarted = await start();
    expect(await loginStatus(restarted.url, 'kari@example.org', PASSWORD)).toBe(PASSWORD_ACCEPTED);
  });

  it('backup and restore run while the server serves; restore brings back exactly what was backed up', { timeout: PROCESS_TEST_MS }, async () => {
    const server = running[0];
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-cwd-'));
    // A relative FILE is the operator's directory, not the server's.
    const made = await brobygger(dataDir, ['backup', 'before.bak'], '', cwd);
    expect(made.code, made.out).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'before.bak'))).toBe(true);
    expect((await userCreate('per@example.org')).code).toBe(0);
    expect(await loginStatus(server.url, 'per@example.org', PASSWORD)).toBe(PASSWORD_ACCEPTED);

    const restored = await brobygger(dataDir, ['restore', 'before.bak'], '', cwd);
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toContain('The audit log verifies.');
    expect(await loginStatus(server.url, 'per@example.org', PASSWORD)).toBe(401);
    expect(await loginStatus(server.url, 'kari@example.org', PASSWORD)).toBe(PASSWORD_ACCEPTED);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const check = await brobygger(dataDir, ['check']);
    expect(check.code, check.out).toBe(0);
    expect(check.out).toContain('Database is whole');
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it('a lock left by a server killed with kill -9 is taken over', { timeout: PROCESS_TEST_MS }, async () => {
    const server = running.pop()!;
    await server.kill();
    expect(fs.existsSync(path.join(dataDir, 'brobygger.lock'))).toBe(true);
    // The CLI takes it over when no server runs …
    const audit = await brobygger(dataDir, ['audit', 'verify']);
    expect(audit.code, audit.out).toBe(0);
    await server.kill();
    // … and so does a server; afterwards the directory is its alone again.
    const next = await start();
    expect(await loginStatus(next.url, 'kari@example.org', PASSWORD)).toBe(PASSWORD_ACCEPTED);
    const second = await brobygger(dataDir, ['start']);
    expect(second.out).toContain(`in use by process ${next.child.pid}`);
  });
});
