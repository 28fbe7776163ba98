import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { helplineSnapshot, type HelplineSnapshot } from '../src/modules/helplines/snapshot.js';
import { demoContacts } from '../src/modules/demo/service.js';
import type { ContactInput } from '../src/shared/schemas/contacts.js';
import { cpuText, watchCpu, type CpuShare } from './machine.js';
import { KPH, int, listen, loginAs, ms, timed, type Target } from './common.js';

// docs/import-format.md; kept here so the bench builds files without the import module.
const COLUMNS = ['date_time', 'channel', 'kind', 'duration_minutes', 'who', 'age_group', 'age', 'gender', 'country', 'body_type', 'themes', 'summary', 'outcomes', 'referred_to'];

export interface ImportResult {
  engine: string;
  rows: number;
  megabytes: number;
  ms: number;
  rowsPerSec: number;
  /** Reading and checking the file in memory only (no database writes), when the module exposes it. */
  parseMs: number | null;
  stored: number;
  cpu: CpuShare;
}

export type ImportBench = { skipped: string } | ImportResult;

/** Contacts of the demo generator as a CSV file in the import format (codes, ISO instants). */
export function importCsv(snapshot: HelplineSnapshot, rows: number): Buffer {
  const code = (id: number | null) => (id === null ? '' : (snapshot.categories.get(id)?.code ?? ''));
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const cells = (c: ContactInput): string[] => [
    c.startedAt, c.channel, c.kind, c.durationMinutes === null ? '' : String(c.durationMinutes), code(c.whoId), code(c.ageGroupId),
    c.age === null ? '' : String(c.age), code(c.genderId), c.country, code(c.bodyTypeId),
    c.themes.map((t) => (t.subthemeIds.length ? `${code(t.themeId)}(${t.subthemeIds.map(code).join(',')})` : code(t.themeId))).join('|'),
    c.summary ?? '', c.outcomes.join('|'), code(c.referredToId),
  ];
  const lines = [COLUMNS.join(',')];
  for (const c of demoContacts(snapshot, new Date().getUTCFullYear() - 2, rows, 7)) lines.push(cells(c).map(quote).join(','));
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** The in-memory half of an import (read + validate), loaded only if the module is there. */
async function parseOnly(body: Buffer, snapshot: HelplineSnapshot): Promise<number | null> {
  const dir = path.resolve('src/modules/imports');
  if (!fs.existsSync(path.join(dir, 'read-table.ts')) || !fs.existsSync(path.join(dir, 'validate-rows.ts'))) return null;
  const spec = (f: string) => `../src/modules/imports/${f}`;
  try {
    const { readTable } = (await import(spec('read-table.js'))) as { readTable: (b: Buffer, f: 'csv', max: number) => Promise<unknown> };
    const { validateRows } = (await import(spec('validate-rows.js'))) as { validateRows: (t: unknown, s: HelplineSnapshot, l: 'nb', onValid: () => void) => Promise<number> };
    return (await timed(async () => validateRows(await readTable(body, 'csv', 1_000_000), snapshot, 'nb', () => undefined))).ms;
  } catch {
    return null;
  }
}

/** POST /api/imports?helplineId=…&format=csv over a real socket, as an administrator. */
export async function benchImport(t: Target, rows: number): Promise<ImportBench> {
  const running = await listen(t);
  try {
    if (!running.app.hasRoute({ method: 'POST', url: '/api/imports' })) return { skipped: 'POST /api/imports is not registered (src/modules/imports not there yet)' };
    const snapshot = await helplineSnapshot(t.db, KPH);
    if (!snapshot) throw new Error(`helpline ${KPH} missing`);
    const body = importCsv(snapshot, rows);
    const cookie = await loginAs(t, running.url, 'admin', []);
    const parseMs = await parseOnly(body, snapshot);
    const stopWatch = watchCpu(t.pgPids);
    const { ms: took, value: res } = await timed(() =>
      fetch(`${running.url}/api/imports?helplineId=${KPH}&format=csv&fileName=bench.csv`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: new Uint8Array(body) }),
    );
    const text = await res.text();
    const cpu = stopWatch();
    if (res.status !== 200) throw new Error(`import failed: ${res.status} ${text.slice(0, 500)}`);
    const { imported } = JSON.parse(text) as { imported: number };
    if (imported !== rows) throw new Error(`imported ${imported} of ${rows} rows`);
    const { rows: [{ n }] } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM contacts WHERE source = 'import'`.execute(t.db);
    return { engine: t.engine, rows, megabytes: body.length / 2 ** 20, ms: took, rowsPerSec: rows / (took / 1000), parseMs, stored: n, cpu };
  } finally {
    await running.close();
  }
}

export function printImport(r: ImportBench, engine: string) {
  if ('skipped' in r) return console.log(`  ${engine.padEnd(8)} skipped: ${r.skipped}`);
  console.log(
    `  ${r.engine.padEnd(8)} ${int(r.rows)} rows (${r.megabytes.toFixed(1)} MB CSV) in ${ms(r.ms)}: ${int(r.rowsPerSec)} rows/s` +
      `${r.parseMs === null ? '' : `; read + validate alone ${ms(r.parseMs)} (${int(r.rows / (r.parseMs / 1000))} rows/s)`}; ${int(r.stored)} contacts stored`,
  );
  console.log(`           ${cpuText(r.cpu)}`);
}
