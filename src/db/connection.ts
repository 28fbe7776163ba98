import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './types.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { DamagedDatabaseError, checkDataDirFiles } from './integrity-files.js';
import { prepareMarkedStatements } from './prepared.js';
import { watchPool } from '../server/metrics/registry.js';

export type Db = Kysely<Database>;

/** Connections per node to a PostgreSQL server. */
const POOL_SIZE = 20;

export interface DbTarget {
  /** postgres://… selects a PostgreSQL server; otherwise PGlite is used. */
  databaseUrl?: string;
  /** Directory for PGlite files; `memory://` keeps the database in memory (tests). */
  dataDir: string;
}

/** What the process opening an embedded data directory is doing, as its lock names it. */
const lockLabel = () => process.argv.slice(2).join(' ') || path.basename(process.argv[1] ?? 'node');

// pg returns bigint (count(*)) as string; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric as number (percentages, averages).
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));
// date stays a calendar date string (YYYY-MM-DD): no time zone shifts.
pg.types.setTypeParser(1082, (v) => v);

/** PGlite's type parsers: the same values as the pg parsers above give. */
export const PGLITE_PARSERS = { 20: (v: string) => Number.parseInt(v, 10), 1700: (v: string) => Number.parseFloat(v), 1082: (v: string) => v };

/**
 * How every PGlite instance is opened: the parsers above, and the contrib extensions the
 * migrations create on PostgreSQL too (pg_trgm: the directory search's typo tolerance).
 */
export const PGLITE_OPTIONS = { parsers: PGLITE_PARSERS, extensions: { pg_trgm } };

export type Engine = 'pglite' | 'postgres';

/** What lies under a Kysely handle, for the few things Kysely does not do (COPY). */
export type Driver = { engine: 'postgres'; pool: pg.Pool } | { engine: 'pglite'; client: PGlite };

const drivers = new WeakMap<Db, Driver>();

/** The pool or PGlite instance under a handle made by `dbOver`. */
export function driverOf(db: Db): Driver {
  const driver = drivers.get(db);
  if (!driver) throw new Error('not a handle made by dbOver');
  return driver;
}

/** Which engine a handle talks to (PGlite has one connection: callers size their parallelism by it). */
export const engineOf = (db: Db): Engine => driverOf(db).engine;

/** The Kysely handle over a pg pool or a PGlite instance; the only way handles are made. */
export function dbOver(driver: Driver): Db {
  if (driver.engine === 'postgres') watchPool(driver.pool);
  const dialect = driver.engine === 'postgres' ? new PostgresDialect({ pool: prepareMarkedStatements(driver.pool) }) : new PGliteDialect(driver.client);
  const db = new Kysely<Database>({ dialect });
  drivers.set(db, driver);
  return db;
}

export async function openDb(target: DbTarget): Promise<{ db: Db; engine: Engine }> {
  const driver = await open(target);
  return { db: dbOver(driver), engine: driver.engine };
}

async function open(target: DbTarget): Promise<Driver> {
  if (target.databaseUrl) {
    return { engine: 'postgres', pool: new pg.Pool({ connectionString: target.databaseUrl, max: POOL_SIZE }) };
  }
  if (target.dataDir.startsWith('memory://')) return { engine: 'pglite', client: await PGlite.create(target.dataDir, PGLITE_OPTIONS) };
  // One process per directory, before PGlite reads a byte of it (docs/decisions/0009).
  const lock = await acquireDataDirLock(target.dataDir, lockLabel());
  try {
    const dir = path.join(target.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
    checkDataDirFiles(dir);
    let client: PGlite;
    try {
      client = await PGlite.create(dir, PGLITE_OPTIONS);
    } catch (err) {
      throw new DamagedDatabaseError(dir, [`PGlite could not open it: ${err instanceof Error ? err.message : String(err)}`]);
    }
    // Closing the database frees the directory for the next process.
    const close = client.close.bind(client);
    client.close = async () => {
      try {
        await close();
      } finally {
        lock.release();
      }
    };
    return { engine: 'pglite', client };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * Runs a request's few independent statements (`fn` issues them at once on the handle it is
 * given) where they wait least. While the pool's queue is short, side by side on the pool: each
 * answer arrives within the same turn of the event loop (at 50 counsellors one connection made
 * the dashboard slower). Once as many requests wait for a connection as the pool has, on one
 * connection taken once: side by side, each statement waited in the long queue on its own and the
 * request for the slowest of those waits (at 200 counsellors, issue 8). PGlite has one
 * connection: `fn` runs on the handle.
 */
export async function sideBySide<T>(db: Db, fn: (on: Db) => Promise<T>): Promise<T> {
  const driver = driverOf(db);
  if (driver.engine === 'pglite') return fn(db);
  const { pool } = driver;
  // A short queue (fewer waiting than the pool has connections) is through within about one
  // statement's time: cheaper than running the statements one after another.
  if (pool.waitingCount < pool.options.max) return fn(db);
  return db.connection().execute(fn);
}
