import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/types.js';
import { anonymiseCaseIn } from '../cases/anonymise.js';
import { createTimeLimitReminders } from '../cases/tasks.js';
import type { Db } from '../../db/connection.js';
import { writeAudit } from '../audit/service.js';
import { idleLimitMs } from '../auth/service.js';
import { forgetOldJobs } from '../imports/progress.js';
import { forgetEndedWindows } from '../../server/rate-limit/queries.js';

const RETENTION_LOCK = 727_003; // advisory lock id: one node applies retention at a time
const BATCH = 5000;

/**
 * Contacts of an import still loading or being undone are left alone: their counts belong to the
 * batch (src/modules/imports/batch-steps.ts), and an update outside the batch's transaction would
 * move them into the report's, where a batch still hidden would show. A published batch's
 * contacts are blanked on the next run; an undone one's are deleted anyway.
 */
const publishedOnly = sql`(import_batch_id IS NULL OR import_batch_id IN (SELECT id FROM import_batches WHERE state = 'published'))`;

export interface HelplineRetention {
  helplineId: string;
  /** Contacts that started before this instant lose their summary and edit history. */
  before: string;
  summariesBlanked: number;
  revisionsDeleted: number;
  /** Follow-up cases closed before the service's limit, anonymised now (decision 0033). */
  casesAnonymised: number;
}

export interface RetentionResult {
  sessionsDeleted: number;
  /** Reminders written for follow-up cases whose time limit runs out soon. */
  remindersCreated: number;
  helplines: HelplineRetention[];
}

/**
 * Deletes what is kept past its time (docs/data-inventory.md):
 * - sessions past their absolute expiry, or idle for longer than the idle limit (a browser that
 *   never came back would otherwise leave them forever);
 * - request counts of rate-limit windows that have ended (decision 0025);
 * - per helpline with `summaryRetentionMonths`: the free-text summary of contacts older than that
 *   (the only personal data of an anonymous contact) and their edit history, which holds copies
 *   of earlier summaries. The rest of the contact stays: it is anonymous, and the statistics
 *   count it. Each helpline where something was removed gets one audit row with the numbers.
 * Returns null when another node holds the lock and is doing it.
 */
export async function applyRetention(db: Db, opts: { now?: Date; sessionIdleMs: number }): Promise<RetentionResult | null> {
  const now = opts.now ?? new Date();
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${RETENTION_LOCK}) AS locked`.execute(conn);
    if (!rows[0]?.locked) return null;
    try {
      const idleSince = new Date(now.getTime() - idleLimitMs(opts.sessionIdleMs));
      const sessions = await conn.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)])).executeTakeFirst();
      // Request counts whose window ended (hashed addresses): nodes sweep them too, but only when asked.
      await forgetEndedWindows(conn);
      // Import progress figures ten minutes after their job's last change.
      await forgetOldJobs(conn, now);
      // Not retention, but hourly on one node as well: time limits of follow-up cases running out.
      const remindersCreated = await createTimeLimitReminders(conn);
      const helplines = await conn.selectFrom('helplines').select(['id', 'summary_retention_months', 'case_anonymise_after_months'])
        .where((eb) => eb.or([eb('summary_retention_months', 'is not', null), eb('case_anonymise_after_months', 'is not', null)])).orderBy('id').execute();
      const results: HelplineRetention[] = [];
      for (const h of helplines) {
        const casesAnonymised = h.case_anonymise_after_months ? await anonymiseClosedCases(conn, h.id, monthsBefore(now, h.case_anonymise_after_months)) : 0;
        if (h.summary_retention_months === null) {
          results.push({ helplineId: h.id, before: '', summariesBlanked: 0, revisionsDeleted: 0, casesAnonymised });
          continue;
        }
        const before = monthsBefore(now, h.summary_retention_months);
        const result = { helplineId: h.id, before: before.toISOString(), summariesBlanked: 0, revisionsDeleted: 0, casesAnonymised };
        // Small batches, each its own statement: a first run over years of contacts neither holds
        // long locks nor builds one huge transaction.
        for (;;) {
          const blanked = await sql<{ n: number }>`
            WITH old AS (
              SELECT id FROM contacts WHERE helpline_id = ${h.id} AND summary IS NOT NULL AND started_at < ${before}
                AND ${publishedOnly}
              LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
            ), blanked AS (
              UPDATE contacts c SET summary = NULL FROM old WHERE c.id = old.id RETURNING c.id
            )
            SELECT count(*)::int AS n FROM blanked`.execute(conn);
          result.summariesBlanked += blanked.rows[0].n;
          if (blanked.rows[0].n < BATCH) break;
        }
        const revisions = await sql`
          DELETE FROM contact_revisions r USING contacts c
          WHERE c.id = r.contact_id AND c.helpline_id = ${h.id} AND c.started_at < ${before} AND ${publishedOnly}`.execute(conn);
        result.revisionsDeleted = Number(revisions.numAffectedRows ?? 0);
        if (result.summariesBlanked || result.revisionsDeleted || result.casesAnonymised) {
          await writeAudit(conn, { actorId: null, action: 'retention.apply', entity: 'helpline', entityId: h.id, detail: { ...result } });
        }
        results.push(result);
      }
      return { sessionsDeleted: Number(sessions.numDeletedRows), remindersCreated, helplines: results };
    } finally {
      await sql`SELECT pg_advisory_unlock(${RETENTION_LOCK})`.execute(conn);
    }
  });
}

/**
 * Anonymises a service's follow-up cases closed before `closedBefore` (the helpline's
 * `caseAnonymiseAfterMonths`), each in its own short transaction with its own audit row, so the
 * case's access log says when and why. Returns how many.
 */
async function anonymiseClosedCases(conn: Kysely<Database>, helplineId: string, closedBefore: Date): Promise<number> {
  let n = 0;
  for (;;) {
    const due = await conn.selectFrom('cases').select('id')
      .where('helpline_id', '=', helplineId).where('status', '=', 'closed').where('anonymised_at', 'is', null).where('closed_at', '<', closedBefore)
      .orderBy('closed_at').limit(200).execute();
    for (const { id } of due) {
      await conn.transaction().execute(async (trx) => {
        // Still closed and not anonymised: a case reopened meanwhile keeps its person.
        const still = await trx.selectFrom('cases').select('id').where('id', '=', id).where('status', '=', 'closed').where('anonymised_at', 'is', null).forUpdate().executeTakeFirst();
        if (!still) return;
        const removed = await anonymiseCaseIn(trx, id);
        await writeAudit(trx, { actorId: null, action: 'case.anonymise', entity: 'case', entityId: id, detail: { by: 'retention', closedBefore: closedBefore.toISOString(), ...removed } });
        n++;
      });
    }
    if (due.length < 200) return n;
  }
}

/** The same wall-clock instant `months` calendar months earlier (31 March − 1 month = 28/29 February). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}
