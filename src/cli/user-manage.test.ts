import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, PASSWORD, RK, KPH } from '../test/app.js';
import { createUser } from '../modules/users/service.js';
import { userManageCommands } from './user-manage.js';
import { brobygger } from '../test/processes.js';
import { PROCESS_TEST_MS } from '../test/wait.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

/** Runs `brobygger user <sub> args…` in-process over the test database; returns the exit code and printed lines. */
async function run(sub: string, ...args: string[]) {
  const lines: string[] = [];
  const code = await userManageCommands[sub]({ db: t.db, config: t.app.config, stdin: '', print: (l) => lines.push(l) }, args);
  return { code, out: lines.join('\n') };
}

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const cliAudit = (id: string) => t.db.selectFrom('audit_log').select(['actor_id', 'action', 'detail']).where('entity_id', '=', id).where('action', 'not in', ['user.create', 'user.second_factor_enrol']).orderBy('id').execute();

describe('brobygger user …', () => {
  it('list shows each user with role, helplines, status and last sign-in', async () => {
    const signedIn = await t.as('coordinator', [RK, KPH]);
    await createUser(t.db, null, { email: 'never@cli.test', displayName: 'Never', role: 'analyst', locale: 'nb', password: PASSWORD, helplineIds: [] });
    const { code, out } = await run('list');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('e-mail\trole\thelplines\tstatus\tlast sign-in');
    expect(lines).toContain('never@cli.test\tanalyst\t-\tactive\tnever');
    const row = lines.find((l) => l.startsWith(signedIn.email))!.split('\t');
    expect(row.slice(0, 4)).toEqual([signedIn.email, 'coordinator', `${KPH},${RK}`, 'active']);
    expect(Date.now() - new Date(row[4]).getTime()).toBeLessThan(60_000);
  });

  it('set-role changes the role and ends the sessions at once, audited', async () => {
    const user = await t.as('counsellor');
    expect((await me(user.cookie)).statusCode).toBe(200);
    const { code, out } = await run('set-role', '--email', user.email, '--role', 'caseworker');
    expect(code).toBe(0);
    expect(out).toBe(`${user.email} is now caseworker; their sessions have ended.`);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect(await cliAudit(user.id)).toEqual([{ actor_id: null, action: 'user.update', detail: { role: { from: 'counsellor', to: 'caseworker' } } }]);
    const bad = await run('set-role', '--email', user.email, '--role', 'king');
    expect(bad).toEqual({ code: 1, out: '--role must be one of: admin, coordinator, caseworker, counsellor, volunteer, analyst.' });
  });

  it('set-helplines replaces the helplines; none only when asked for', async () => {
    const user = await t.as('counsellor', [RK]);
    expect(await run('set-helplines', '--email', user.email, '--helpline', KPH, '--helpline', RK)).toEqual({ code: 0, out: `${user.email} now works on: ${KPH}, ${RK}.` });
    expect((await me(user.cookie)).json().helplineIds).toEqual([KPH, RK]);
    expect((await run('set-helplines', '--email', user.email)).code).toBe(1);
    const unknown = await run('set-helplines', '--email', user.email, '--helpline', 'nowhere');
    expect(unknown).toEqual({ code: 1, out: 'The field “Helplines” has a value that is not allowed.' });
    expect(await run('set-helplines', '--email', user.email, '--none')).toEqual({ code: 0, out: `${user.email} now works on: no helplines.` });
    expect((await me(user.cookie)).json().helplineIds).toEqual([]);
  });

  it('deactivate ends the sessions at once; reactivate lets the user sign in again; both audited', async () => {
    const user = await t.as('volunteer');
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect(await run('deactivate', '--email', user.email)).toEqual({ code: 0, out: `${user.email} is deactivated; their sessions have ended.` });
    expect((await me(user.cookie)).statusCode).toBe(401);
    const login = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: PASSWORD } });
    expect((await login()).statusCode).toBe(401);
    expect(await run('reactivate', '--email', user.email)).toEqual({ code: 0, out: `${user.email} can sign in again.` });
    expect((await login()).statusCode).toBe(200);
    expect((await cliAudit(user.id)).map((a) => [a.actor_id, a.action])).toEqual([[null, 'user.deactivate'], [null, 'user.reactivate']]);
  });

  it('reset-link prints a one-time link that sets a new password', async () => {
    const user = await t.as('analyst');
    const { code, out } = await run('reset-link', '--email', user.email);
    expect(code).toBe(0);
    const url = out.split('\n')[1].trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/reset-password#token=/);
    const token = new URL(url).hash.replace('#token=', '');
    const res = await t.app.inject({ method: 'POST', url: '/api/password-reset', payload: { token, password: 'fresh passphrase for cli' } });
    expect(res.statusCode).toBe(204);
    expect((await cliAudit(user.id)).map((a) => [a.actor_id, a.action])).toEqual([[null, 'user.password_reset_link'], [user.id, 'user.password_reset']]);
  });

  it('an unknown e-mail, a missing one or an unknown flag is one line and exit code 1; no password flag exists', async () => {
    expect(await run('deactivate', '--email', 'nobody@cli.test')).toEqual({ code: 1, out: 'No user has the e-mail nobody@cli.test.' });
    expect(await run('reactivate')).toEqual({ code: 1, out: '--email is required.' });
    const pw = await run('reset-link', '--email', 'x@cli.test', '--password', 'secret');
    expect(pw.code).toBe(1);
    expect(pw.out).toMatch(/Unknown option '--password'/);
  });

  it('refuses to deactivate the last active administrator', async () => {
    const own = await testApp();
    try {
      const admin = await own.as('admin', []);
      const lines: string[] = [];
      const code = await userManageCommands.deactivate({ db: own.db, config: own.app.config, stdin: '', print: (l) => lines.push(l) }, ['--email', admin.email]);
      expect(code).toBe(1);
      expect(lines).toEqual(['This is the last active administrator. Make another user an administrator first.']);
      expect((await own.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin.cookie } })).statusCode).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe('brobygger user … as a process', () => {
  it('runs from the command line: an unknown user is one line and exit code 1', { timeout: PROCESS_TEST_MS }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-cli-users-'));
    try {
      const res = await brobygger(dataDir, ['user', 'deactivate', '--email', 'kari@example.org'], '', undefined, { LOG_LEVEL: 'silent' });
      expect(res.out.trim()).toBe('No user has the e-mail kari@example.org.');
      expect(res.code).toBe(1);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
