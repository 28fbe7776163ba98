/**
 * npx tsx bench/data-dir.ts [DATA_DIR] — what the start-up damage check, a backup and a restore
 * cost on an embedded data directory (default: a fresh one with the demo year loaded, ~41 000
 * contacts). Measured, never asserted; results in docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDb } from '../src/server/start.js';
import { findDamage } from '../src/db/integrity.js';
import { loadDemoData } from '../src/modules/demo/service.js';
import { backupTo, restoreFrom } from '../src/modules/backup/service.js';

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

async function main() {
  const given = process.argv[2];
  const dataDir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-datadir-'));
  let t = process.hrtime.bigint();
  const { db } = await prepareDb({ dataDir });
  console.log(`open + check + migrate   ${ms(t).toFixed(0)} ms`);
  if (!given) await loadDemoData(db);
  const [{ n }] = await db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).execute();
  console.log(`contacts                 ${n} (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  for (let i = 0; i < 3; i++) {
    t = process.hrtime.bigint();
    const problems = await findDamage(db);
    console.log(`start-up check           ${ms(t).toFixed(0)} ms (${problems.length} problems)`);
  }
  const file = path.join(os.tmpdir(), `bb-bench-${process.pid}.bak`);
  t = process.hrtime.bigint();
  const made = await backupTo(db, file);
  console.log(`backup                   ${ms(t).toFixed(0)} ms, ${(made.bytes / 1e6).toFixed(1)} MB`);
  t = process.hrtime.bigint();
  await restoreFrom(db, file);
  console.log(`restore                  ${ms(t).toFixed(0)} ms`);
  fs.rmSync(file);
  await db.destroy();
  if (!given) fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
