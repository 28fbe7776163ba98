import fs from 'node:fs';
import readline from 'node:readline';

/**
 * An anchor: the audit chain's head as the sealer saw it, kept where the database cannot change it
 * (decision 0024). Only a position, a hash and a time: never anything an entry says.
 */
export interface Anchor {
  /** chain_seq of the last sealed entry. */
  seq: string;
  /** Its hash, which covers every entry before it. */
  hash: string;
  /** When the anchor was written (ISO 8601). */
  at: string;
}

/** The anchors file cannot be read, or a line in it is no anchor. */
export class AnchorFileError extends Error {}

/** Appends one anchor as a JSON line and waits until it is on disk (fsync), so a crash right after keeps it. */
export async function appendAnchor(file: string, anchor: Anchor): Promise<void> {
  const handle = await fs.promises.open(file, 'a', 0o640);
  try {
    await handle.appendFile(`${JSON.stringify(anchor)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates the anchors file if it does not exist and checks it can be appended to: at start, not at the first anchor. */
export async function ensureAnchorFile(file: string): Promise<void> {
  try {
    await (await fs.promises.open(file, 'a', 0o640)).close();
  } catch (err) {
    throw new Error(`Invalid configuration: AUDIT_ANCHOR_FILE ${file} cannot be written: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

const SEQ = /^[0-9]+$/;
const HASH = /^[0-9a-f]{64}$/;

/** An anchor from one line: the anchors file's own lines, or the server's log lines that carry one. */
function anchorOf(line: string, lineNo: number, file: string): Anchor | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null; // a log's other lines (and a line cut short by a crash): nothing to check
  }
  if (!value || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  const candidate = (record.auditAnchor ?? (('seq' in record && 'hash' in record) ? record : null)) as Record<string, unknown> | null;
  if (!candidate) return null;
  const seq = String(candidate.seq);
  if (!SEQ.test(seq) || typeof candidate.hash !== 'string' || !HASH.test(candidate.hash)) {
    throw new AnchorFileError(`${file}, line ${lineNo}: not an anchor (a sequence number and a 64-digit hash)`);
  }
  return { seq, hash: candidate.hash, at: typeof candidate.at === 'string' ? candidate.at : '' };
}

/** Fails with AnchorFileError unless the file can be read: checked before the chain, which takes longer. */
export async function assertAnchorsReadable(file: string): Promise<void> {
  try {
    await fs.promises.access(file, fs.constants.R_OK);
  } catch (err) {
    throw new AnchorFileError(`${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * The anchors in a file, a chunk at a time as it is read (a year at one a minute is half a million
 * lines: never all in memory at once): the anchors file, or a copy collected from the servers' logs
 * (lines with `auditAnchor`). Other lines are skipped.
 */
export async function* anchorChunks(file: string, size = 1000): AsyncGenerator<Anchor[]> {
  await assertAnchorsReadable(file);
  const stream = fs.createReadStream(file, { encoding: 'utf8' });
  let chunk: Anchor[] = [];
  let lineNo = 0;
  try {
    for await (const line of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNo += 1;
      const anchor = line.trim() ? anchorOf(line, lineNo, file) : null;
      if (!anchor) continue;
      chunk.push(anchor);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
  } catch (err) {
    if (err instanceof AnchorFileError) throw err;
    throw new AnchorFileError(`${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    stream.destroy();
  }
  if (chunk.length) yield chunk;
}
