import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, PASSWORD, RK } from '../../test/app.js';
import { issueSetupToken } from './setup.js';
import { brobygger } from '../../test/processes.js';
import { PROCESS_TEST_MS } from '../../test/wait.js';

let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => { await t.close(); });

const newUser = (password: string, email = 'kari.nordmann@example.org') => ({ email, displayName: 'Kari Nordmann', role: 'counsellor', password, helplineIds: [RK] });

describe('passwords that are easy to guess are refused wherever a password is set', () => {
  it('on the first-administrator setup, with the field named and the reason given', async () => {
    const token = await issueSetupToken(t.db);
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { token, email: 'first@example.org', displayName: 'Første', password: 'aaaaaaaaaaaa' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'weak_password_repeat', field: 'password', message: 'Feltet «Passord» er for lett å gjette: det gjentar de samme tegnene eller ordene.' });
    const ok = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { token, email: 'first@example.org', displayName: 'Første', password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    admin = { cookie: `bb_session=${ok.cookies.find((c) => c.name === 'bb_session')!.value}` };
  });

  it('when an administrator creates a user, in Norwegian, Danish and English', async () => {
    const cases = [
      { password: 'passord12345', lang: 'nb', code: 'weak_password_common', message: 'Feltet «Passord» er for lett å gjette: det er et vanlig passord eller bygger på et. Bruk gjerne flere ord som ikke hører sammen.' },
      { password: 'aaaaaaaaaaaa', lang: 'da', code: 'weak_password_repeat', message: 'Feltet «Adgangskode» er for let at gætte: det gentager de samme tegn eller ord.' },
      { password: 'qwertyuiop12', lang: 'en', code: 'weak_password_common', message: 'The field “Password” is too easy to guess: it is a common password or built on one. Several words that do not belong together work well.' },
      { password: 'abcdefghijkl', lang: 'en', code: 'weak_password_sequence', message: 'The field “Password” is too easy to guess: it is a sequence like abc or 1234.' },
      { password: 'kari.nordmann2026', lang: 'nb', code: 'weak_password_personal', message: 'Feltet «Passord» er for lett å gjette: det inneholder e-postadressen eller navnet.' },
    ];
    for (const c of cases) {
      // A signed-in user reads errors in the language of their profile.
      await t.app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers: { cookie: admin.cookie }, payload: { locale: c.lang } });
      const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie }, payload: newUser(c.password) });
      expect(res.statusCode, c.password).toBe(400);
      expect(res.json(), c.password).toMatchObject({ code: c.code, field: 'password', message: c.message });
    }
    // Nothing was written.
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'kari.nordmann@example.org').execute()).toHaveLength(0);
    const strong = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie }, payload: newUser('Tindeklatrer med sykkelbjelle') });
    expect(strong.statusCode).toBe(201);
  });

  // A process that migrates a fresh database: generous on a busy machine.
  it('by `brobygger user create`, and no user is created', { timeout: PROCESS_TEST_MS }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-weak-password-'));
    try {
      const res = await brobygger(dataDir, ['user', 'create', '--email', 'kari@example.org', '--role', 'counsellor', '--helpline', RK], 'passord12345\n', undefined, { LOG_LEVEL: 'silent' });
      expect(res.code).not.toBe(0);
      expect(res.out).toContain('The field “Password” is too easy to guess: it is a common password or built on one.');
      expect(res.out).not.toContain('Created');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
