import type { FastifyBaseLogger } from 'fastify';
import { appendAnchor, type Anchor } from './anchor-file.js';
import type { ChainHead } from './service.js';

export interface AnchorWriterOptions {
  /** AUDIT_ANCHOR_FILE: appended to, one JSON line per anchor. */
  file?: string;
  /** AUDIT_ANCHOR_URL: each anchor POSTed there as JSON. */
  url?: string;
  /** At most one anchor per this many ms; the first head is anchored at once. */
  intervalMs: number;
  log: Pick<FastifyBaseLogger, 'info' | 'error'>;
}

export interface AnchorWriter {
  /** A head the sealer wrote; anchored at the next tick once the interval has passed. */
  record: (head: ChainHead | null) => void;
  /** Anchors the newest recorded head if the interval has passed since the last anchor. */
  tick: () => Promise<void>;
  /** Anchors the newest head now, whatever the interval (shutdown), and waits for every write. */
  flush: (head?: ChainHead | null) => Promise<void>;
}

/**
 * Writes the audit chain's head where the database cannot change it (decision 0024): always a line
 * in the application log, and, when configured, a line in the anchors file and a POST to a URL.
 * Only heads newer than the last anchor are written, and at most one per interval.
 */
export function createAnchorWriter(opts: AnchorWriterOptions): AnchorWriter {
  let pending: ChainHead | null = null;
  let anchoredSeq = 0n;
  let lastWrittenAt = Number.NEGATIVE_INFINITY;
  // Writes one after another: the file's lines stay in chain order.
  let writing: Promise<void> = Promise.resolve();

  const post = async (anchor: Anchor) => {
    const res = await fetch(opts.url!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(anchor), signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`${opts.url} answered ${res.status}`);
  };

  const write = (head: ChainHead) => {
    const anchor: Anchor = { seq: head.seq, hash: head.hash, at: new Date().toISOString() };
    pending = null;
    anchoredSeq = BigInt(head.seq);
    lastWrittenAt = Date.now();
    writing = writing.then(async () => {
      // Position, hash and time only: no entry's content reaches the log.
      opts.log.info({ auditAnchor: anchor }, 'audit chain head anchored');
      if (opts.file) await appendAnchor(opts.file, anchor).catch((err) => opts.log.error({ err }, 'audit anchor could not be written to AUDIT_ANCHOR_FILE'));
      if (opts.url) await post(anchor).catch((err) => opts.log.error({ err }, 'audit anchor could not be sent to AUDIT_ANCHOR_URL'));
    });
    return writing;
  };

  const record = (head: ChainHead | null) => {
    const newest = pending ? BigInt(pending.seq) : anchoredSeq;
    if (head && BigInt(head.seq) > newest) pending = head;
  };

  return {
    record,
    tick: async () => {
      if (pending && Date.now() - lastWrittenAt >= opts.intervalMs) await write(pending);
    },
    flush: async (head) => {
      record(head ?? null);
      if (pending) await write(pending);
      await writing;
    },
  };
}
