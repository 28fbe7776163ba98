import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { migrateToLatest } from '../db/migrate.js';
import { readHelplineFiles, syncHelplines, DEFAULT_HELPLINE_DIR } from '../modules/helplines/load-data.js';
import { dbOver, PGLITE_OPTIONS } from '../db/connection.js';

export const TEMPLATE_DUMP = path.resolve('.tmp/test-template.tar');
export const PG_TEMPLATE = 'brobygger_test_template';

/**
 * Migrates one database and loads the helpline files once per run; each test file then starts
 * from a copy (a PGlite data-dir dump, or a PostgreSQL template database), which is much faster
 * than migrating again.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${PG_TEMPLATE}`;
    const db = dbOver({ engine: 'postgres', pool: new pg.Pool({ connectionString: u.toString(), max: 2 }) });
    await migrateToLatest(db);
    await syncHelplines(db as never, readHelplineFiles(DEFAULT_HELPLINE_DIR));
    await db.destroy();
    return;
  }
  const client = await PGlite.create('memory://', PGLITE_OPTIONS);
  const db = dbOver({ engine: 'pglite', client });
  await migrateToLatest(db);
  await syncHelplines(db as never, readHelplineFiles(DEFAULT_HELPLINE_DIR));
  const dump = await client.dumpDataDir('none');
  fs.mkdirSync(path.dirname(TEMPLATE_DUMP), { recursive: true });
  fs.writeFileSync(TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
}
