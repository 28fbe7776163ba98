import { engineOf, type Db } from '../../db/connection.js';
import type { ContactRow } from '../../db/types.js';
import { insertRegistrations, type Registration } from './create-statement.js';
import { groupCommitBatch } from '../../server/metrics/registry.js';

interface Waiting {
  registration: Registration;
  resolve: (row: ContactRow) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for registrations (docs/decisions/0006). A registration never waits for a timer:
 * while fewer than `maxInFlight` statements are running it is written at once, alone. Only when
 * every slot is busy does it wait, and everything that waited goes in the next statement
 * together, so a busy helpline pays one statement, one commit and one disk flush for many
 * contacts. A request is answered only after its statement has committed. If a shared statement
 * fails, each of its registrations is retried alone, so one bad row fails only its own request.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: Db,
    private readonly maxInFlight: number,
    private readonly maxBatch = 256,
  ) {}

  write(registration: Registration): Promise<ContactRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ registration, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < this.maxInFlight && this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(batch: Waiting[]) {
    groupCommitBatch.observe(batch.length);
    try {
      const rows = await insertRegistrations(this.db, batch.map((w) => w.registration));
      batch.forEach((w, i) => w.resolve(rows[i]));
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      await Promise.all(
        batch.map((w) => insertRegistrations(this.db, [w.registration]).then(([row]) => w.resolve(row), w.reject)),
      );
    }
  }
}

const writers = new WeakMap<Db, GroupCommit>();

/**
 * One writer per database handle. PGlite has a single connection, so one statement at a time. On
 * PostgreSQL two run side by side: while one waits for its commit's disk flush the next is
 * executing. The bench measured 1, 2, 4 and 8: two gave the most registrations per second and
 * the lowest p99; more slots make smaller groups and more commits. The rest of the pool stays
 * free for reads and other writes.
 */
export function groupCommitFor(db: Db): GroupCommit {
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit(db, engineOf(db) === 'pglite' ? 1 : 2);
    writers.set(db, writer);
  }
  return writer;
}
