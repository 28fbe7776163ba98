import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';
import { yieldToOthers } from '../../server/time-slice.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  /** What was done, never personal content: ids, counts, field names. */
  detail?: Record<string, unknown>;
}

/** Writes an audit row inside the caller's transaction, so the change and its record commit together. */
export async function writeAudit(trx: Transaction<Database> | Db, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

const GENESIS = '0'.repeat(64);
const SEAL_LOCK = 727_001; // advisory lock id: one sealer at a time across nodes

/** What the hash covers of a row: every stored field but its place in the chain. */
type HashedRow = { id: string; at_iso: string; actor_id: string | null; action: string; entity: string; entity_id: string | null; detail: unknown };

/**
 * The row's time as the chain has always hashed it (`Date#toISOString()` of the value as the
 * driver parses it: UTC, milliseconds truncated), made by the database instead: parsing a Date
 * and formatting it again cost a third of verifying a million rows. audit-time.test.ts checks the
 * two agree on both engines, microseconds included.
 */
const AT_ISO = sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('at_iso');
const HASHED_COLUMNS = ['id', 'actor_id', 'action', 'entity', 'entity_id', 'detail'] as const;

/**
 * SHA-256 of the previous hash followed by the row's canonical JSON. One-shot `crypto.hash` over
 * the joined text gives the same digest as update(prev).update(canonical) at a third of the cost
 * (no Hash object per row).
 */
function rowHash(prev: string, seq: string, row: HashedRow): string {
  const canonical = JSON.stringify([seq, row.id, row.at_iso, row.actor_id, row.action, row.entity, row.entity_id, row.detail]);
  return crypto.hash('sha256', prev + canonical, 'hex');
}

/** The last sealed entry: what an anchor records (decision 0024). */
export interface ChainHead {
  seq: string;
  hash: string;
}

/** The chain's head as the database has it now, or null before anything is sealed. */
export async function chainHead(db: Db): Promise<ChainHead | null> {
  const last = await db.selectFrom('audit_log').select(['chain_seq', 'hash']).where('chain_seq', 'is not', null).orderBy('chain_seq', 'desc').limit(1).executeTakeFirst();
  return last?.hash ? { seq: String(last.chain_seq), hash: last.hash } : null;
}

/**
 * Links unsealed audit rows into the hash chain, in the order they are sealed. Writers never wait
 * for each other; a row is tamper-evident from the moment it is sealed (every few seconds).
 * Resolves to the number sealed and the head this run wrote (null when it sealed nothing).
 */
/** Entries sealed in one run at most. */
export const SEAL_BATCH = 1000;

export async function sealPending(db: Db, batch = SEAL_BATCH): Promise<{ sealed: number; head: ChainHead | null; lockHeld?: boolean }> {
  return db.transaction().execute(async (trx) => {
    const none = { sealed: 0, head: null };
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS locked`.execute(trx);
    // Another node is sealing: said so, for the jobs' log line and metrics.
    if (!rows[0]?.locked) return { ...none, lockHeld: true };
    const last = await trx.selectFrom('audit_log').select(['chain_seq', 'hash']).where('chain_seq', 'is not', null).orderBy('chain_seq', 'desc').limit(1).executeTakeFirst();
    let prev = last?.hash ?? GENESIS;
    let seq = BigInt(last?.chain_seq ?? 0);
    const pending = await trx.selectFrom('audit_log').select([...HASHED_COLUMNS, AT_ISO]).where('hash', 'is', null).orderBy('id').limit(batch).execute();
    if (!pending.length) return none;
    const ids: string[] = [];
    const seqs: string[] = [];
    const hashes: string[] = [];
    for (const [i, row] of pending.entries()) {
      // Hashing is synchronous: yield now and then so requests are not held up behind it (the
      // chain stays sequential; the advisory lock keeps other sealers out meanwhile).
      if (i && i % 250 === 0) await yieldToOthers();
      seq += 1n;
      prev = rowHash(prev, seq.toString(), row);
      ids.push(String(row.id));
      seqs.push(seq.toString());
      hashes.push(prev);
    }
    // One statement for the whole batch: sealing must keep up with a busy helpline.
    await sql`UPDATE audit_log a SET chain_seq = s.seq, hash = s.hash
              FROM unnest(${ids}::bigint[], ${seqs}::bigint[], ${hashes}::text[]) AS s(id, seq, hash)
              WHERE a.id = s.id`.execute(trx);
    return { sealed: pending.length, head: { seq: seq.toString(), hash: prev } };
  });
}

/** sealPending, for callers that only need the count. */
export async function sealAudit(db: Db, batch = 1000): Promise<number> {
  return (await sealPending(db, batch)).sealed;
}

/** One sealed row of the chain, as verification reads it. */
type ChainRow = HashedRow & { chain_seq: string | null; hash: string | null };

/** Rows per query when verifying: small enough that hashing one batch holds the event loop a few ms. */
export const VERIFY_BATCH = 2000;

export interface ChainCheck {
  ok: boolean;
  sealed: number;
  brokenAt: string | null;
}

/**
 * The sealed rows in chain order, a batch at a time: keyset on chain_seq, never OFFSET, so
 * each query costs the same however far along it is. Between batches it yields to the event loop,
 * so a verification of a long log never holds other requests up for more than one batch's hashing.
 */
async function* sealedRows(db: Db, batchSize: number): AsyncGenerator<ChainRow[]> {
  let after: string | null = null;
  for (;;) {
    // chain_seq is UNIQUE (its index serves the range and the order): a range scan, never a sort.
    let query = db.selectFrom('audit_log').select([...HASHED_COLUMNS, AT_ISO, 'chain_seq', 'hash']).where('chain_seq', 'is not', null);
    if (after !== null) query = query.where('chain_seq', '>', after);
    const rows = (await query.orderBy('chain_seq').limit(batchSize).execute()) as ChainRow[];
    if (!rows.length) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = String(rows[rows.length - 1].chain_seq);
    await yieldToOthers();
  }
}

const countSealed = async (db: Db) =>
  Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('chain_seq', 'is not', null).executeTakeFirstOrThrow()).n);

/**
 * Recomputes the chain from its start; returns the first chain position that does not hold the row
 * sealed there, or null if intact. The sealer numbers 1, 2, 3 … without gaps, so a position can be
 * broken by a changed row or by an empty one (a row deleted, renumbered or unsealed). Rows removed
 * from the end leave a whole, shorter chain, and a chain re-hashed from a changed row on verifies:
 * both need the anchors kept outside the database (decisions 0023, 0024; see anchor-check.ts).
 *
 * `onBatch` is told the size of each batch as it is checked (tests and benchmarks watch it).
 */
export async function verifyAuditChain(db: Db, opts: { onBatch?: (rows: number) => void } = {}): Promise<ChainCheck> {
  // The chain is read in batches, not in one transaction: on PGlite a transaction would hold the
  // only connection for the whole walk. The sealer only appends after the head, so later batches
  // see the same rows plus, at most, newly sealed ones at the end.
  const broken = async (at: number | string) => ({ ok: false, sealed: await countSealed(db), brokenAt: String(at) });
  let prev = GENESIS;
  let position = 0;
  let walked = 0;
  let beforeStart: string | null = null;
  for await (const rows of sealedRows(db, VERIFY_BATCH)) {
    opts.onBatch?.(rows.length);
    for (const row of rows) {
      walked += 1;
      // A number below 1 is no position of the chain; the position it left is found below.
      if (Number(row.chain_seq) < 1) {
        beforeStart ??= String(row.chain_seq);
        continue;
      }
      position += 1;
      if (Number(row.chain_seq) !== position) return broken(position);
      const expected = rowHash(prev, String(row.chain_seq), row);
      if (expected !== row.hash) return broken(position);
      prev = expected;
    }
  }
  if (beforeStart !== null) return { ok: false, sealed: walked, brokenAt: beforeStart };
  return { ok: true, sealed: walked, brokenAt: null };
}
