import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDb, type Db } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import type { AppConfig } from '../config.js';
import { buildApp } from './app.js';
import { readHelplineFiles, syncHelplines, DEFAULT_HELPLINE_DIR } from '../modules/helplines/load-data.js';
import { sealAudit } from '../modules/audit/service.js';

export const WEB_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist/web');

/** Opens the database, migrates it and loads the helpline files: what every start does. */
export async function prepareDb(config: Pick<AppConfig, 'dataDir' | 'databaseUrl'>, helplineDir = DEFAULT_HELPLINE_DIR) {
  const { db, engine } = await openDb(config);
  await migrateToLatest(db);
  await syncHelplines(db, readHelplineFiles(helplineDir));
  return { db, engine };
}

/** Background jobs of a node; returns a function that stops them. */
export function startJobs(db: Db, app: FastifyInstance): () => void {
  const timer = setInterval(() => {
    sealAudit(db).catch((err) => app.log.error({ err }, 'audit sealing failed'));
  }, 2000);
  timer.unref();
  return () => clearInterval(timer);
}

export async function startServer(config: AppConfig) {
  const { db, engine } = await prepareDb(config);
  const app = await buildApp({ db, config, webDir: WEB_DIR });
  const stopJobs = startJobs(db, app);
  await app.listen({ port: config.port, host: config.host });
  const shutdown = async () => {
    stopJobs();
    await app.close();
    await sealAudit(db).catch(() => undefined);
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, db, engine };
}
