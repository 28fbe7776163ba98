import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { loadConfig, type AppConfig } from '../src/config.js';
import type { Db } from '../src/db/connection.js';
import { prepareDb, startJobs } from '../src/server/start.js';
import { buildApp } from '../src/server/app.js';
import { createUser } from '../src/modules/users/service.js';
import type { Role } from '../src/shared/enums.js';
import { signInOverHttp } from '../src/test/second-factor.js';
import type { PgServer } from './postgres.js';

export type Engine = 'pglite' | 'postgres';
export const KPH = 'kors-pa-halsen';
const PASSWORD = 'benchmark password 0123456789';

export interface Target {
  engine: Engine;
  db: Db;
  config: AppConfig;
  /** The PostgreSQL server's processes (none for PGlite: it runs inside this process). */
  pgPids: () => number[];
  close: () => Promise<void>;
}

/** A fresh, migrated database with the helpline files loaded, exactly as a node's start prepares it. */
export async function openTarget(engine: Engine, pgServer: PgServer | null, name: string): Promise<Target> {
  let dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bb-bench-${name}-`));
  let databaseUrl: string | undefined;
  let server = pgServer;
  if (engine === 'postgres') {
    if (!server) throw new Error('no PostgreSQL server');
    databaseUrl = await server.createDatabase(`bench_${name}`);
  }
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  dataDir = config.dataDir;
  const { db } = await prepareDb(config);
  if (engine === 'pglite') server = null;
  return {
    engine,
    db,
    config,
    pgPids: () => server?.pids() ?? [],
    close: async () => {
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RunningApp {
  app: FastifyInstance;
  url: string;
  close: () => Promise<void>;
}

/** The real app on a real port, with the background jobs a node runs (the audit sealer). */
export async function listen(t: Target, opts: { jobs?: boolean } = {}): Promise<RunningApp> {
  // BENCH_LOG=1 shows the app's error log (e.g. to see why a request failed).
  const log = !!process.env.BENCH_LOG;
  const app = await buildApp({ db: t.db, config: log ? { ...t.config, logLevel: 'error' } : t.config, logger: log });
  const stopJobs = opts.jobs === false ? () => undefined : startJobs(t.db, app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // The port is chosen at listen: this is the server's own origin, as PUBLIC_URL would say.
  app.config.allowedOrigins.push(url);
  return { app, url, close: async () => { stopJobs(); await app.close(); } };
}

let users = 0;

/** Creates a user and signs in once over HTTP (the sign-in routes are rate limited); returns the cookie header. */
export async function loginAs(t: Target, url: string, role: Role, helplineIds: string[]): Promise<string> {
  const email = `bench-${role}-${++users}@example.org`;
  await createUser(t.db, null, { email, displayName: `Bench ${role}`, role, locale: 'nb', password: PASSWORD, helplineIds });
  // Counsellors enrol a second factor on the way, as at their first real sign-in.
  return (await signInOverHttp(url, email, PASSWORD)).cookie;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds an async function takes. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0)} ms`;
export const int = (n: number) => Math.round(n).toLocaleString('en-US');
