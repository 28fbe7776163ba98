import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Db } from '../../db/connection.js';
import { AppError, notFound } from '../../server/errors.js';
import { DUE_DAYS, type CaseResponse, type DueTask, type TaskBody, type TaskDoneBody } from '../../shared/schemas/cases.js';
import { type Actor, caseFilter, seesServiceCases } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { getCase } from './service.js';
import { lockCase } from './lock.js';

/** Adds a task with a due date to a case that is not closed; audited without its title (free text). */
export async function addTask(db: Db, actor: Actor, caseId: string, body: TaskBody, keyFile: string): Promise<CaseResponse> {
  await db.transaction().execute(async (trx) => {
    const found = await lockCase(trx, actor, caseId);
    if (found.status === 'closed') throw new AppError(400, 'case_closed', 'status');
    const row = await trx.insertInto('case_tasks').values({ case_id: caseId, title: body.title, due_on: body.dueOn, created_by: actor.id }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, { actorId: actor.id, action: 'case.task', entity: 'case', entityId: caseId, detail: { taskId: row.id, dueOn: body.dueOn } });
  });
  return getCase(db, actor, caseId, keyFile);
}

/** Ticks a task (or a reminder) off, or back on; a stale version is a 409. */
export async function setTaskDone(db: Db, actor: Actor, caseId: string, taskId: string, body: TaskDoneBody, keyFile: string): Promise<CaseResponse> {
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, actor, caseId);
    const task = await trx.selectFrom('case_tasks').select(['id', 'version']).where('id', '=', taskId).where('case_id', '=', caseId).executeTakeFirst();
    if (!task) throw notFound();
    if (task.version !== body.version) throw new AppError(409, 'conflict', 'version');
    await trx.updateTable('case_tasks').set({ done_at: body.done ? new Date() : null, done_by: body.done ? actor.id : null, version: task.version + 1 }).where('id', '=', taskId).execute();
    await writeAudit(trx, { actorId: actor.id, action: 'case.task_done', entity: 'case', entityId: caseId, detail: { taskId, done: body.done } });
  });
  return getCase(db, actor, caseId, keyFile);
}

/**
 * The tasks due within DUE_DAYS (or overdue) on the cases a user works, soonest first: their own
 * cases, or (coordinators, `service`) every case of their helplines. At most 100; the policy's
 * condition is in the SQL, as for the case lists. Titles are free text: reading them is audited.
 */
export async function dueTasks(db: Db, actor: Actor, scope: 'mine' | 'service'): Promise<DueTask[]> {
  if (scope === 'service' && !seesServiceCases(actor)) throw new AppError(403, 'forbidden', 'scope');
  let q = db.selectFrom('case_tasks').innerJoin('cases', 'cases.id', 'case_tasks.case_id')
    .select(['case_tasks.id', 'case_tasks.kind', 'case_tasks.title', 'case_tasks.due_on', 'case_tasks.version', 'cases.id as case_id', 'cases.pseudonym'])
    .where('case_tasks.done_at', 'is', null)
    .where(sql<boolean>`case_tasks.due_on <= current_date + ${DUE_DAYS}::int`)
    .where('cases.status', '<>', 'closed')
    .where(caseFilter(actor, 'case.read'));
  if (scope === 'mine') q = q.where('cases.owner_id', '=', actor.id);
  const rows = await q.orderBy('case_tasks.due_on').orderBy('case_tasks.id').limit(100).execute();
  await writeAudit(db, { actorId: actor.id, action: 'case.tasks_due', entity: 'case', detail: { scope, cases: [...new Set(rows.map((r) => r.case_id))] } });
  return rows.map((r) => ({ id: r.id, kind: r.kind as DueTask['kind'], title: r.title, dueOn: r.due_on, version: r.version, caseId: r.case_id, pseudonym: r.pseudonym }));
}

/** How many days before a time limit runs out its reminder falls due. */
export const REMINDER_DAYS = DUE_DAYS;

/**
 * Writes a reminder for every case not closed whose time limit runs out within REMINDER_DAYS
 * (issue 9 point 8): a task of kind `time_limit`, due on the limit. Run by the hourly job (one
 * node at a time); the unique index makes a second run, or a second node, add nothing. In the
 * database, so a restart loses none. Returns how many it wrote.
 */
export async function createTimeLimitReminders(db: Kysely<Database>): Promise<number> {
  const res = await sql`
    INSERT INTO case_tasks (case_id, kind, due_on)
    SELECT id, 'time_limit', time_limit FROM cases
    WHERE status <> 'closed' AND anonymised_at IS NULL AND time_limit IS NOT NULL AND time_limit <= current_date + ${REMINDER_DAYS}::int
    ON CONFLICT (case_id, due_on) WHERE kind = 'time_limit' DO NOTHING`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}
