import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One process per embedded data directory (see docs/decisions/0009). PGlite has no lock of its
 * own: two processes on one directory each believe they own it, and writes are lost. The lock is
 * a file created atomically (written aside, then hard-linked into place: link fails if the name
 * exists), naming its owner. A lock whose owner is dead is taken over under a second, short-lived
 * lock, so of two processes racing to take it over exactly one wins.
 */
export interface LockOwner {
  pid: number;
  host: string;
  /** What the owner runs, e.g. `start --demo`. */
  command: string;
  /** When it took the lock (ISO 8601). */
  since: string;
  /** Unique per acquisition: tells this lock apart from an earlier one by the same pid. */
  token: string;
  /** The owner's start time in clock ticks since boot (Linux), so a reused pid is not taken for it. */
  started?: number;
}

export const LOCK_FILE = 'brobygger.lock';
const TAKEOVER_FILE = 'brobygger.lock.takeover';
/** A takeover lock is held for milliseconds; one older than this whose holder is gone is left over. */
const TAKEOVER_STALE_MS = 10_000;

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(busyMessage(dataDir, owner));
    this.name = 'DataDirBusyError';
  }
}

function busyMessage(dataDir: string, owner: LockOwner): string {
  const where = owner.host === os.hostname() ? `process ${owner.pid}` : `process ${owner.pid} on host ${owner.host}`;
  const what = owner.command.startsWith('start')
    ? 'Stop that server first, or run other brobygger commands while it runs: they are carried out by it.'
    : 'Wait for it to finish, or stop it.';
  const remote = owner.host === os.hostname() ? '' : ` If that host no longer runs it, delete ${path.join(dataDir, LOCK_FILE)}.`;
  return `The data directory ${dataDir} is in use by ${where} (brobygger ${owner.command}, since ${owner.since}). ${what}${remote}`;
}

/** Tokens of the locks this process holds: a lock naming our own pid is ours only if listed here. */
const heldHere = new Set<string>();

export interface DataDirLock {
  owner: LockOwner;
  release(): void;
}

/** Takes the data directory's lock or throws DataDirBusyError naming the live owner. */
export async function acquireDataDirLock(dataDir: string, command: string): Promise<DataDirLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    command,
    since: new Date().toISOString(),
    token: crypto.randomUUID(),
    started: processStart(process.pid),
  };
  for (let attempt = 0; attempt < 200; attempt++) {
    if (createExclusive(lockPath, me)) return hold(lockPath, me);
    const owner = readOwner(lockPath);
    if (owner === undefined) continue; // removed between our try and our read: try again
    if (owner && isAlive(owner)) throw new DataDirBusyError(dataDir, owner);
    // Left by a dead process (or unreadable): take it over, one contender at a time.
    const takeoverPath = path.join(dataDir, TAKEOVER_FILE);
    if (createExclusive(takeoverPath, me)) {
      try {
        const now = readOwner(lockPath);
        // Only the lock we judged dead is removed; if it changed meanwhile, judge again.
        if (now === undefined || sameLock(now, owner)) {
          if (now !== undefined) fs.rmSync(lockPath, { force: true });
          if (createExclusive(lockPath, me)) return hold(lockPath, me);
        }
      } finally {
        removeIfOurs(takeoverPath, me.token);
      }
    } else {
      clearLeftoverTakeover(takeoverPath);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error(`Could not take the lock ${lockPath}: it keeps changing. Is another brobygger starting at the same time?`);
}

/** The live owner of a data directory's lock, or null when none holds it. */
export function lockOwner(dataDir: string): LockOwner | null {
  const owner = readOwner(path.join(dataDir, LOCK_FILE));
  return owner && isAlive(owner) ? owner : null;
}

function hold(lockPath: string, me: LockOwner): DataDirLock {
  heldHere.add(me.token);
  const release = () => {
    if (!heldHere.delete(me.token)) return;
    removeIfOurs(lockPath, me.token);
    process.off('exit', release);
  };
  // A process that exits without closing its database still leaves a free directory behind.
  process.on('exit', release);
  return { owner: me, release };
}

/** Creates `file` with the owner's record only if no such file exists (atomic: link fails on EEXIST). */
function createExclusive(file: string, owner: LockOwner): boolean {
  const aside = `${file}.${owner.token}.${crypto.randomUUID()}.tmp`;
  fs.writeFileSync(aside, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
  try {
    fs.linkSync(aside, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/** The record in a lock file; undefined if there is no file; null if it cannot be read as one. */
function readOwner(file: string): LockOwner | null | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.token === 'string' ? owner : null;
  } catch {
    return null;
  }
}

const sameLock = (a: LockOwner | null, b: LockOwner | null) => (a === null || b === null ? a === b : a.token === b.token);

function removeIfOurs(file: string, token: string) {
  const owner = readOwner(file);
  if (owner && owner.token === token) fs.rmSync(file, { force: true });
}

/**
 * A takeover lock stays behind only if its holder died within the milliseconds it holds it. It is
 * removed once its holder is gone and it is old; renamed aside first, so that of two processes
 * clearing it only one does, and a fresh takeover lock put there meanwhile is put back.
 */
function clearLeftoverTakeover(file: string) {
  const holder = readOwner(file);
  if (holder === undefined || (holder && isAlive(holder))) return;
  let age: number;
  try {
    age = Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return;
  }
  if (age < TAKEOVER_STALE_MS) return;
  const aside = `${file}.${crypto.randomUUID()}.old`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // someone else cleared it
  }
  const moved = readOwner(aside);
  if (!sameLock(moved ?? null, holder)) {
    try {
      fs.linkSync(aside, file); // not the one we judged: put it back
    } catch {
      /* a new one is there already */
    }
  }
  fs.rmSync(aside, { force: true });
}

function isAlive(owner: LockOwner): boolean {
  // Another host's process cannot be seen from here (a shared file system): assume it runs.
  if (owner.host !== os.hostname()) return true;
  if (owner.pid === process.pid) return heldHere.has(owner.token);
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  // The pid is taken; by the same process only if it started when the owner did.
  const started = processStart(owner.pid);
  return owner.started === undefined || started === undefined || started === owner.started;
}

/** A process's start time in clock ticks after boot, from /proc (Linux); undefined elsewhere. */
function processStart(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[19]);
  } catch {
    return undefined;
  }
}
