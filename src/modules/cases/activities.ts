import type { Db } from '../../db/connection.js';
import { AppError } from '../../server/errors.js';
import type { ActivityBody, CaseResponse } from '../../shared/schemas/cases.js';
import type { Actor } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { getCase } from './service.js';
import { lockCase } from './lock.js';
import { latestDate } from './dates.js';


/**
 * Logs a follow-up activity (issue 9, point 3) on a case that is not closed. A meeting role is for
 * meetings with external agencies only. The audit row says which category, never the note.
 */
export async function logActivity(db: Db, actor: Actor, caseId: string, body: ActivityBody, keyFile: string): Promise<CaseResponse> {
  if (body.happenedOn > latestDate()) throw new AppError(400, 'invalid_value', 'happenedOn');
  if (body.meetingRole !== null && body.category !== 'external_meeting') throw new AppError(400, 'invalid_value', 'meetingRole');
  await db.transaction().execute(async (trx) => {
    const found = await lockCase(trx, actor, caseId);
    const helpline = await trx.selectFrom('helplines').select('case_activity_categories').where('id', '=', found.helpline_id).executeTakeFirstOrThrow();
    if (helpline.case_activity_categories && !helpline.case_activity_categories.includes(body.category)) throw new AppError(400, 'invalid_value', 'category');
    if (found.status === 'closed') throw new AppError(400, 'case_closed', 'status');
    const row = await trx.insertInto('case_activities').values({
      case_id: caseId, category: body.category, happened_on: body.happenedOn, duration_minutes: body.durationMinutes,
      meeting_role: body.meetingRole, note: body.note, created_by: actor.id,
    }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, { actorId: actor.id, action: 'case.activity', entity: 'case', entityId: caseId, detail: { activityId: row.id, category: body.category } });
  });
  return getCase(db, actor, caseId, keyFile);
}
