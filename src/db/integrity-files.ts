import fs from 'node:fs';
import path from 'node:path';

/**
 * A database that is not whole: it must not be served (a server that answers with part of its
 * contacts and a green /healthz is worse than one that does not start). Names the directory and
 * what to do.
 */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly location: string,
    readonly problems: string[],
  ) {
    super(
      `The database in ${location} is damaged and is not served:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Stop every brobygger process using it, move the directory aside (keep it: it may be needed to ' +
        'recover recent work), and restore the latest backup into a fresh one: `brobygger restore FILE` ' +
        '(see docs/operations.md).',
    );
    this.name = 'DamagedDatabaseError';
  }
}

/** A WAL segment file's name: timeline, log and segment, 24 hex digits. */
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

/**
 * What can be seen of an embedded data directory before it is opened. An initialised directory
 * without write-ahead log cannot be opened consistently (PGlite aborts on it, and a PostgreSQL
 * started anyway via pg_resetwal would lose committed work), so it is reported with its path.
 */
export function checkDataDirFiles(pgliteDir: string): void {
  if (!fs.existsSync(path.join(pgliteDir, 'PG_VERSION'))) return; // not initialised yet: a new database
  const walDir = path.join(pgliteDir, 'pg_wal');
  const segments = fs.existsSync(walDir) ? fs.readdirSync(walDir).filter((name) => WAL_SEGMENT.test(name)) : [];
  if (!segments.length) throw new DamagedDatabaseError(pgliteDir, [`${walDir} holds no write-ahead log: committed work since the last checkpoint is gone`]);
}
