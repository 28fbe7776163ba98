import fs from 'node:fs';
import type { Db } from '../../db/connection.js';
import { importDataSet } from './data-set.js';

/**
 * Loads the initial content into a directory that has never had a data set: on a fresh install
 * the "find help" page and the counsellors' search have real services at once. Once any data set
 * has been imported (an audit row says so), the coordinators' directory is left alone, even if
 * they emptied it. A broken content file stops the start with the checker's first issue.
 */
export async function loadInitialDirectory(db: Db, file: string): Promise<Record<string, number> | null> {
  if (!fs.existsSync(file)) return null;
  const imported = await db.selectFrom('audit_log').select('id').where('action', '=', 'directory.import').limit(1).executeTakeFirst();
  if (imported) return null;
  return importDataSet(db, null, JSON.parse(fs.readFileSync(file, 'utf8')));
}
