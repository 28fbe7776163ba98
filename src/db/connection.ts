import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './types.js';

export type Db = Kysely<Database>;

/** Connections per node to a PostgreSQL server. */
export const POOL_SIZE = 20;

export interface DbTarget {
  /** postgres://… selects a PostgreSQL server; otherwise PGlite is used. */
  databaseUrl?: string;
  /** Directory for PGlite files; `memory://` keeps the database in memory (tests). */
  dataDir: string;
}

// pg returns bigint (count(*)) as string; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric as number (percentages, averages).
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));
// date stays a calendar date string (YYYY-MM-DD): no time zone shifts.
pg.types.setTypeParser(1082, (v) => v);

/** PGlite's type parsers: the same values as the pg parsers above give. */
export const PGLITE_PARSERS = { 20: (v: string) => Number.parseInt(v, 10), 1700: (v: string) => Number.parseFloat(v), 1082: (v: string) => v };

export type Engine = 'pglite' | 'postgres';

const engines = new WeakMap<Db, Engine>();

/** Which engine a handle talks to (PGlite has one connection: callers size their parallelism by it). */
export const engineOf = (db: Db): Engine => engines.get(db) ?? 'pglite';

export async function openDb(target: DbTarget): Promise<{ db: Db; engine: Engine }> {
  const opened = await open(target);
  engines.set(opened.db, opened.engine);
  return opened;
}

async function open(target: DbTarget): Promise<{ db: Db; engine: Engine }> {
  if (target.databaseUrl) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: POOL_SIZE });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres' };
  }
  let dir = target.dataDir;
  if (!dir.startsWith('memory://')) {
    dir = path.join(target.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create(dir, { parsers: PGLITE_PARSERS });
  return { db: new Kysely<Database>({ dialect: new PGliteDialect(client) }), engine: 'pglite' };
}
