import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { AppError, notFound } from '../../server/errors.js';
import { nextStepsFor, type Checklist, type NextStep } from '../../shared/checklists.js';
import type { Actor } from '../auth/policy.js';
import { caseFilter } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { lockCase } from '../cases/lock.js';
import { loadChecklists } from './data.js';

export interface CaseTicks {
  checklistId: string;
  itemIds: string[];
  minor: boolean;
  acute: boolean;
  version: number;
  updatedAt: string | null;
  /** What the handbook says to do, from what is saved. */
  nextSteps: NextStep[];
}

function checklistOf(id: string): Checklist {
  const found = loadChecklists().find((c) => c.id === id);
  if (!found) throw notFound();
  return found;
}

const present = (checklist: Checklist, row: { item_ids: string[]; minor: boolean; acute: boolean; version: number; updated_at: Date | string } | undefined): CaseTicks => {
  const itemIds = row?.item_ids ?? [];
  const flags = { minor: row?.minor ?? false, acute: row?.acute ?? false };
  return {
    checklistId: checklist.id, itemIds, ...flags, version: row?.version ?? 0,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    nextSteps: nextStepsFor(checklist, itemIds, flags),
  };
};

/** The indicators ticked on a case the actor may read; the read is audited like any read of the case. */
export async function caseTicks(db: Db, actor: Actor, caseId: string, checklistId: string): Promise<CaseTicks> {
  const checklist = checklistOf(checklistId);
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('cases').select('id').where('cases.id', '=', caseId).where(caseFilter(actor, 'case.read')).executeTakeFirst();
    if (!found) throw notFound();
    await writeAudit(trx, { actorId: actor.id, action: 'case.checklist.read', entity: 'case', entityId: caseId, detail: { checklistId } });
    const row = await trx.selectFrom('case_checklist_ticks').select(['item_ids', 'minor', 'acute', 'version', 'updated_at']).where('case_id', '=', caseId).where('checklist_id', '=', checklistId).executeTakeFirst();
    return present(checklist, row);
  });
}

/**
 * Saves what is ticked on a case (the whole set, replacing the last), if nobody saved in between
 * (version); only item ids of that checklist are taken. Audited with the count, not the items.
 */
export async function saveCaseTicks(db: Db, actor: Actor, caseId: string, checklistId: string, body: { itemIds: string[]; minor: boolean; acute: boolean; version: number }): Promise<CaseTicks> {
  const checklist = checklistOf(checklistId);
  const known = new Set(checklist.sections.flatMap((s) => s.items.map((i) => i.id)));
  const unknown = body.itemIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw new AppError(400, 'invalid_value', `itemIds.${unknown}`);
  const itemIds = [...new Set(body.itemIds)];
  return db.transaction().execute(async (trx) => {
    await lockCase(trx, actor, caseId);
    const current = await trx.selectFrom('case_checklist_ticks').select('version').where('case_id', '=', caseId).where('checklist_id', '=', checklistId).executeTakeFirst();
    if ((current?.version ?? 0) !== body.version) throw new AppError(409, 'conflict');
    const row = await trx.insertInto('case_checklist_ticks')
      .values({ case_id: caseId, checklist_id: checklistId, item_ids: itemIds, minor: body.minor, acute: body.acute, updated_by: actor.id })
      .onConflict((oc) => oc.columns(['case_id', 'checklist_id']).doUpdateSet({
        item_ids: itemIds, minor: body.minor, acute: body.acute, updated_by: actor.id, updated_at: sql`now()`, version: sql`case_checklist_ticks.version + 1`,
      }))
      .returning(['item_ids', 'minor', 'acute', 'version', 'updated_at'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { actorId: actor.id, action: 'case.checklist', entity: 'case', entityId: caseId, detail: { checklistId, ticked: itemIds.length, minor: body.minor, acute: body.acute } });
    return present(checklist, row);
  });
}
