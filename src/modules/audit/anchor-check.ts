import type { Db } from '../../db/connection.js';
import type { Anchor } from './anchor-file.js';
import { verifyAuditChain, type ChainCheck } from './service.js';

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

const CHUNK = 1000;

/**
 * Compares each anchor with the entry at its position: the entry must exist with exactly the
 * anchored hash, which covers every entry before it. Also returns the first position known to be
 * wrong: the anchor's own, or for entries gone from the end, the first empty position.
 */
export async function checkAnchors(db: Db, anchors: Anchor[]): Promise<{ check: AnchorCheck; position: string | null }> {
  const sorted = [...anchors].sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : BigInt(a.seq) > BigInt(b.seq) ? 1 : 0));
  const max = await db.selectFrom('audit_log').select((eb) => eb.fn.max('chain_seq').as('seq')).executeTakeFirst();
  const head = BigInt(max?.seq ?? 0);
  let agreesUpTo: string | null = null;
  for (let start = 0; start < sorted.length; start += CHUNK) {
    const chunk = sorted.slice(start, start + CHUNK);
    const rows = await db.selectFrom('audit_log').select(['chain_seq', 'hash']).where('chain_seq', 'in', [...new Set(chunk.map((a) => a.seq))]).execute();
    const hashAt = new Map(rows.map((r) => [String(r.chain_seq), r.hash]));
    for (const anchor of chunk) {
      const hash = hashAt.get(anchor.seq);
      if (hash !== anchor.hash) {
        const seq = BigInt(anchor.seq);
        const position = hash === undefined && seq > head ? head + 1n : seq;
        return { check: { checked: sorted.length, brokenAt: anchor.seq, writtenAt: anchor.at || null, agreesUpTo }, position: position.toString() };
      }
      agreesUpTo = anchor.seq;
    }
    // Many anchors (a year at one a minute): give other requests their turn between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { check: { checked: sorted.length, brokenAt: null, writtenAt: null, agreesUpTo }, position: null };
}

export type AuditLogCheck = ChainCheck & { anchors?: AnchorCheck };

/**
 * The whole check: the chain recomputed from its start (verifyAuditChain) and, when anchors are
 * given, compared with them. `brokenAt` is the first position either finds wrong.
 */
export async function verifyAuditLog(db: Db, anchors?: Anchor[]): Promise<AuditLogCheck> {
  const chain = await verifyAuditChain(db);
  if (!anchors) return chain;
  const { check, position } = await checkAnchors(db, anchors);
  const earliest = [chain.brokenAt, position].filter((p): p is string => p !== null).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0] ?? null;
  return { ok: chain.ok && check.brokenAt === null, sealed: chain.sealed, brokenAt: earliest, anchors: check };
}
