import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { dbOver, type Db } from '../db/connection.js';
import { TEMPLATE_DUMP, PG_TEMPLATE } from './global-setup.js';
import { PGLITE_OPTIONS } from '../db/connection.js'; // importing it also installs the pg type parsers

/** A fresh, migrated database with the helpline files loaded: PGlite, or PostgreSQL when TEST_DATABASE_URL is set. */
export async function freshDb(): Promise<{ db: Db; engine: 'pglite' | 'postgres'; drop: () => Promise<void>; /** PostgreSQL only: for a `brobygger` process on the same database. */ url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `bb_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: u.toString(), max: 10 });
    // DROP DATABASE … WITH (FORCE) may end connections the pool is still closing: not an error here.
    pool.on('error', () => undefined);
    const db = dbOver({ engine: 'postgres', pool });
    return {
      db,
      engine: 'postgres',
      url: u.toString(),
      drop: async () => {
        await db.destroy();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(TEMPLATE_DUMP)]);
  const client = await PGlite.create('memory://', {
    loadDataDir: blob,
    ...PGLITE_OPTIONS,
  });
  const db = dbOver({ engine: 'pglite', client });
  return { db, engine: 'pglite', drop: () => db.destroy() };
}
