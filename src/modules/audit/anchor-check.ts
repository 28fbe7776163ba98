import type { Db } from '../../db/connection.js';
import type { Anchor } from './anchor-file.js';
import { verifyAuditChain, type ChainCheck } from './service.js';
import { yieldToOthers } from '../../server/time-slice.js';

/** How the chain compares with the anchors kept outside the database (decision 0024). */
export interface AnchorCheck {
  /** Anchors compared. */
  checked: number;
  /** The sequence number of the first anchor the database disagrees with (its entry changed or gone), or null. */
  brokenAt: string | null;
  /** When that anchor was written. */
  writtenAt: string | null;
  /** The last anchor, before any that disagrees, that the database still matches: up to here the log is as it was. */
  agreesUpTo: string | null;
}

/**
 * Compares each anchor with the entry at its position: the entry must exist with exactly the
 * anchored hash, which covers every entry before it. Anchors come in chunks (as the file is read),
 * in any order (two nodes' files concatenated). Also returns the first position known to be wrong:
 * the anchor's own, or for entries gone from the end, the first empty position.
 */
export async function checkAnchors(db: Db, chunks: AsyncIterable<Anchor[]> | Iterable<Anchor[]>): Promise<{ check: AnchorCheck; position: string | null }> {
  const max = await db.selectFrom('audit_log').select((eb) => eb.fn.max('chain_seq').as('seq')).executeTakeFirst();
  const head = BigInt(max?.seq ?? 0);
  let checked = 0;
  let first: { anchor: Anchor; seq: bigint; position: bigint } | null = null;
  const agreeing: bigint[] = [];
  for await (const chunk of chunks) {
    checked += chunk.length;
    const rows = await db.selectFrom('audit_log').select(['chain_seq', 'hash']).where('chain_seq', 'in', [...new Set(chunk.map((a) => a.seq))]).execute();
    const hashAt = new Map(rows.map((r) => [String(r.chain_seq), r.hash]));
    for (const anchor of chunk) {
      const seq = BigInt(anchor.seq);
      const hash = hashAt.get(anchor.seq);
      if (hash === anchor.hash) agreeing.push(seq);
      else if (!first || seq < first.seq) first = { anchor, seq, position: hash === undefined && seq > head ? head + 1n : seq };
    }
    // Many anchors (a year at one a minute): give other requests their turn between chunks.
    await yieldToOthers();
  }
  let agreesUpTo: bigint | null = null;
  for (const seq of agreeing) if ((!first || seq < first.seq) && (agreesUpTo === null || seq > agreesUpTo)) agreesUpTo = seq;
  return {
    check: { checked, brokenAt: first ? first.anchor.seq : null, writtenAt: first ? first.anchor.at || null : null, agreesUpTo: agreesUpTo === null ? null : agreesUpTo.toString() },
    position: first ? first.position.toString() : null,
  };
}

export type AuditLogCheck = ChainCheck & { anchors?: AnchorCheck };

/**
 * The whole check: the chain recomputed from its start (verifyAuditChain) and, when anchors are
 * given (chunks, e.g. `anchorChunks(file)`), compared with them. `brokenAt` is the first position
 * either finds wrong. The chain is checked first: an unreadable anchors file is found after it.
 */
export async function verifyAuditLog(db: Db, anchors?: AsyncIterable<Anchor[]> | Iterable<Anchor[]>): Promise<AuditLogCheck> {
  const chain = await verifyAuditChain(db);
  if (!anchors) return chain;
  const { check, position } = await checkAnchors(db, anchors);
  const earliest = [chain.brokenAt, position].filter((p): p is string => p !== null).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0] ?? null;
  return { ok: chain.ok && check.brokenAt === null, sealed: chain.sealed, brokenAt: earliest, anchors: check };
}
