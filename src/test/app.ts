import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../db/connection.js';
import { loadConfig, type AppConfig } from '../config.js';
import { buildApp } from '../server/app.js';
import { createUser } from '../modules/users/service.js';
import type { Role } from '../shared/enums.js';
import { afterAll, beforeAll } from 'vitest';
import { freshDb } from './db.js';
import { categoryIds } from './taxonomy.js';
import { signIn } from './second-factor.js';

export const RK = 'rode-kors-telefonen';
export const KPH = 'kors-pa-halsen';
// Strong enough for the password rules (a famous passphrase is not: it tops breach lists).
export const PASSWORD = 'Fjordlykt-sykkelbjelle-2026';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  engine: 'pglite' | 'postgres';
  /**
   * Creates a user with the role and helplines, signs in through the real routes (enrolling a
   * second factor for roles that must have one), returns the session cookie header.
   */
  as: (role: Role, helplineIds?: string[]) => Promise<{ cookie: string; id: string; email: string; totpSecret: string | null }>;
  close: () => Promise<void>;
}

let counter = 0;
const TEST_KEY_FILE = path.join(os.tmpdir(), 'bb-test-field-encryption.key');

/** The real app on a real migrated database, driven through `app.inject` (no port). */
export async function testApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const { db, engine, drop } = await freshDb();
  // The field-encryption key of the test process, never one in the working tree's data folder.
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), sessionIdleMs: 30 * 60_000, keyFile: TEST_KEY_FILE, ...overrides };
  const app = await buildApp({ db, config, logger: false });
  await app.ready();
  const as = async (role: Role, helplineIds: string[] = [RK]) => {
    const email = `${role}-${++counter}-${process.pid}@example.org`;
    const user = await createUser(db, null, { email, displayName: `${role} ${counter}`, role, locale: 'nb', password: PASSWORD, helplineIds });
    const { cookie, totpSecret } = await signIn(app, email, PASSWORD);
    return { cookie, id: user.id, email, totpSecret };
  };
  return { app, db, engine, as, close: async () => { await app.close(); await drop(); } };
}

export function cookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'bb_session');
  if (!c) throw new Error('no session cookie');
  return `bb_session=${c.value}`;
}

/**
 * One app for a whole test file, opened before its tests and closed after, with the category ids
 * of a helpline: `const ctx = useTestApp(RK)`, then `ctx.t` and `ctx.id('theme:annet')` in tests.
 */
export function useTestApp(helplineId = RK, overrides: Partial<AppConfig> = {}): { t: TestApp; id: (key: string) => number } {
  const ctx = {} as { t: TestApp; id: (key: string) => number };
  beforeAll(async () => {
    ctx.t = await testApp(overrides);
    ctx.id = await categoryIds(ctx.t.db, helplineId);
  });
  afterAll(async () => { await ctx.t.close(); });
  return ctx;
}

/**
 * `useTestApp` with an administrator (of no helpline) signed in before the file's tests, for files
 * whose tests act as the administrator: `const ctx = useTestAppWithAdmin()`, then `ctx.t` and
 * `ctx.admin.cookie` in tests.
 */
export function useTestAppWithAdmin(helplineId = RK): ReturnType<typeof useTestApp> & { admin: Awaited<ReturnType<TestApp['as']>> } {
  const ctx = useTestApp(helplineId) as ReturnType<typeof useTestAppWithAdmin>;
  beforeAll(async () => {
    ctx.admin = await ctx.t.as('admin', []);
  });
  return ctx;
}
