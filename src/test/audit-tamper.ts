import crypto from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.js';

/** Runs statements on the audit log past its append-only trigger, as a database superuser could. */
export async function tamperAudit(db: Db, ...statements: RawBuilder<unknown>[]): Promise<void> {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(db);
  try {
    for (const s of statements) await s.execute(db);
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(db);
  }
}

/**
 * What a database superuser does after changing an entry so that the chain verifies again:
 * recomputes the hash of every entry from position `from` on by the published rule (decision 0002:
 * sha256 of the previous hash and the entry's fields). Written here from that rule, not with the
 * sealer's code.
 */
export async function rehashAuditFrom(db: Db, from: number): Promise<void> {
  const { rows: before } = await sql<{ hash: string }>`SELECT hash FROM audit_log WHERE chain_seq = ${from - 1}`.execute(db);
  let prev = before[0]?.hash ?? '0'.repeat(64);
  const rows = await db.selectFrom('audit_log').selectAll().where('chain_seq', '>=', String(from)).orderBy('chain_seq').execute();
  const updates: RawBuilder<unknown>[] = [];
  for (const r of rows) {
    // [position as text, id as a number, time to the millisecond, actor, action, entity, entity id, detail]
    const fields = [String(r.chain_seq), Number(r.id), new Date(r.at).toISOString(), r.actor_id, r.action, r.entity, r.entity_id, r.detail];
    prev = crypto.createHash('sha256').update(prev).update(JSON.stringify(fields)).digest('hex');
    updates.push(sql`UPDATE audit_log SET hash = ${prev} WHERE chain_seq = ${String(r.chain_seq)}`);
  }
  await tamperAudit(db, ...updates);
}
