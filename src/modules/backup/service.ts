import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { engineOf, type Db } from '../../db/connection.js';
import { transactionWithCopy } from '../../db/copy.js';
import { verifyAuditChain, writeAudit } from '../audit/service.js';
import { clearSnapshots } from '../helplines/snapshot.js';
import { forgetAllSessions } from '../auth/service.js';
import { inSnapshot, quote } from './snapshot.js';

/**
 * A logical backup (docs/decisions/0010): every table of the schema in COPY's text format, read in
 * one snapshot, in a file that says which schema version it is of, and ends with its row counts and
 * a SHA-256 of everything before, so a damaged or cut-short file is refused before anything changes.
 *
 *   BROBYGGER-BACKUP 1 {"schema":…,"createdAt":…,"engine":…,"tables":[{"name":…,"columns":[…]},…]}
 *   <the rows of each table, one line each, table after table>
 *   COUNTS {"<table>": <rows>, …}
 *   SHA256 <hex>
 */
const MAGIC = 'BROBYGGER-BACKUP 1 ';

interface TableInfo {
  name: string;
  columns: string[];
}

interface Header {
  schema: string;
  createdAt: string;
  engine: string;
  tables: TableInfo[];
}

export class BackupRefusedError extends Error {}

// Kysely's own bookkeeping stays with the schema it describes; the version is checked instead.
const TABLES_SQL = `
  SELECT c.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
  WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname NOT LIKE 'kysely\\_%'
  GROUP BY c.relname ORDER BY c.relname`;
const FOREIGN_KEYS_SQL = `
  SELECT ch.relname::text AS child, pa.relname::text AS parent FROM pg_constraint k
  JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
  JOIN pg_namespace n ON n.oid = ch.relnamespace
  WHERE k.contype = 'f' AND n.nspname = current_schema()`;
const SCHEMA_SQL = 'SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1';

/** Tables ordered so that each comes after the tables its foreign keys point to (loading order). */
function loadingOrder(tables: TableInfo[], keys: { child: string; parent: string }[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name) || !byName.has(name)) return;
    path.add(name);
    for (const k of keys) if (k.child === name && k.parent !== name) visit(k.parent, path);
    done.add(name);
    ordered.push(byName.get(name)!);
  };
  for (const t of tables) visit(t.name, new Set());
  return ordered;
}

export interface BackupResult {
  file: string;
  rows: Record<string, number>;
  bytes: number;
}

/** Writes a backup of the whole database to `file` (written aside, then renamed: never half a file). */
export async function backupTo(db: Db, file: string): Promise<BackupResult> {
  const partial = `${file}.partial-${process.pid}`;
  const out = fs.openSync(partial, 'w', 0o600);
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const write = (chunk: Buffer | string) => {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    hash.update(buf);
    fs.writeSync(out, buf);
    bytes += buf.length;
  };
  const rows: Record<string, number> = {};
  try {
    await inSnapshot(db, async (reader) => {
      const [schema] = await reader.query<{ name: string }>(SCHEMA_SQL);
      const tables = loadingOrder(await reader.query<TableInfo>(TABLES_SQL), await reader.query(FOREIGN_KEYS_SQL));
      const header: Header = { schema: schema.name, createdAt: new Date().toISOString(), engine: engineOf(db), tables };
      write(`${MAGIC}${JSON.stringify(header)}\n`);
      for (const t of tables) {
        const data = await reader.copyOut(t.name, t.columns);
        let n = 0;
        for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, i + 1)) n++;
        rows[t.name] = n;
        write(data);
      }
    });
    write(`COUNTS ${JSON.stringify(rows)}\n`);
    fs.writeSync(out, `SHA256 ${hash.digest('hex')}\n`);
    fs.fsyncSync(out);
    fs.closeSync(out);
    fs.renameSync(partial, file);
  } catch (err) {
    fs.closeSync(out);
    fs.rmSync(partial, { force: true });
    throw err;
  }
  await writeAudit(db, { actorId: null, action: 'backup.create', entity: 'database', detail: { rows: Object.values(rows).reduce((a, b) => a + b, 0) } });
  return { file, rows, bytes };
}

interface ParsedBackup {
  header: Header;
  counts: Record<string, number>;
  /** Each table's rows in COPY text format. */
  data: Map<string, string>;
}

/** Reads and checks a backup file; throws BackupRefusedError saying why it cannot be restored. */
export function readBackup(file: string): ParsedBackup {
  const name = path.basename(file);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    throw new BackupRefusedError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  if (!buf.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) throw new BackupRefusedError(`${name} is not a Brobygger backup.`);
  const damaged = new BackupRefusedError(`${name} is damaged or incomplete (its checksum does not match its contents).`);
  if (buf[buf.length - 1] !== 10) throw damaged;
  const lastLine = buf.lastIndexOf(10, buf.length - 2) + 1;
  const trailer = /^SHA256 ([0-9a-f]{64})\n$/.exec(buf.subarray(lastLine).toString('latin1'));
  const body = buf.subarray(0, lastLine);
  if (!trailer || crypto.createHash('sha256').update(body).digest('hex') !== trailer[1]) throw damaged;
  const lines = body.toString('utf8').split('\n');
  lines.pop(); // after the last newline
  const header = JSON.parse(lines[0].slice(MAGIC.length)) as Header;
  const countsLine = lines[lines.length - 1];
  if (!countsLine.startsWith('COUNTS ')) throw damaged;
  const counts = JSON.parse(countsLine.slice('COUNTS '.length)) as Record<string, number>;
  const data = new Map<string, string>();
  let at = 1;
  for (const t of header.tables) {
    const n = counts[t.name] ?? 0;
    const rows = lines.slice(at, at + n);
    data.set(t.name, n ? `${rows.join('\n')}\n` : '');
    at += n;
  }
  if (at !== lines.length - 1) throw damaged;
  return { header, counts, data };
}

export interface RestoreResult {
  createdAt: string;
  rows: Record<string, number>;
}

/**
 * Replaces everything in the database by the backup, in one transaction: all of it or, on any
 * refusal or error, nothing. Checked before it commits: every table has the rows the file says,
 * and the audit chain verifies. Afterwards this process forgets what it cached of the old data.
 */
export async function restoreFrom(db: Db, file: string): Promise<RestoreResult> {
  const backup = readBackup(file);
  const name = path.basename(file);
  const result = await transactionWithCopy(db, async (trx, copyIn) => {
    const schema = (await sql.raw<{ name: string }>(SCHEMA_SQL).execute(trx)).rows[0];
    if (backup.header.schema !== schema.name) {
      throw new BackupRefusedError(`${name} is of database version ${backup.header.schema}, this database is at ${schema.name}. Restore it with the Brobygger version that made it.`);
    }
    const tables = (await sql.raw<TableInfo>(TABLES_SQL).execute(trx)).rows;
    const expected = JSON.stringify(tables.map((t) => [t.name, t.columns]).sort());
    const found = JSON.stringify(backup.header.tables.map((t) => [t.name, t.columns]).sort());
    if (expected !== found) throw new BackupRefusedError(`${name} does not hold the tables of this database version.`);

    // The rows come back as they were, derived counts included: the triggers that derive them and
    // guard writes (no category is ever deleted, say) stay off while the tables are emptied and
    // loaded. Foreign keys stay on: tables load parents first.
    for (const t of tables) await sql.raw(`ALTER TABLE ${quote(t.name)} DISABLE TRIGGER USER`).execute(trx);
    await sql.raw(`TRUNCATE ${tables.map((t) => quote(t.name)).join(', ')}`).execute(trx);
    for (const t of backup.header.tables) {
      const text = backup.data.get(t.name) ?? '';
      if (text) await copyIn(quote(t.name), t.columns.map(quote), text);
    }
    for (const t of tables) await sql.raw(`ALTER TABLE ${quote(t.name)} ENABLE TRIGGER USER`).execute(trx);
    const sequences = await sql<{ seq: string; tbl: string; col: string }>`
      SELECT s.oid::regclass::text AS seq, t.relname::text AS tbl, a.attname::text AS col FROM pg_class s
      JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') JOIN pg_class t ON t.oid = d.refobjid
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE s.relkind = 'S' AND n.nspname = current_schema()`.execute(trx);
    for (const s of sequences.rows) {
      await sql.raw(`SELECT setval('${s.seq.replace(/'/g, "''")}', coalesce((SELECT max(${quote(s.col)}) FROM ${quote(s.tbl)}), 0) + 1, false)`).execute(trx);
    }
    for (const t of tables) {
      const { rows } = await sql.raw<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(t.name)}`).execute(trx);
      if (rows[0].n !== (backup.counts[t.name] ?? 0)) throw new Error(`restoring ${name}: ${t.name} holds ${rows[0].n} rows, the backup ${backup.counts[t.name]}; nothing was restored`);
    }
    const chain = await verifyAuditChain(trx);
    if (!chain.ok) throw new BackupRefusedError(`${name}: its audit log does not verify (broken at entry ${chain.brokenAt}).`);
    await writeAudit(trx, { actorId: null, action: 'backup.restore', entity: 'database', detail: { backupCreatedAt: backup.header.createdAt, rows: Object.values(backup.counts).reduce((a, b) => a + b, 0) } });
    return { createdAt: backup.header.createdAt, rows: backup.counts };
  });
  // Cached copies of the data that was there must not be served now.
  clearSnapshots(db);
  forgetAllSessions();
  return result;
}
