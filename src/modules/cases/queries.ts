import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { CaseRow } from '../../db/types.js';
import { caseFilter, type Actor } from '../auth/policy.js';
import type { PageKey } from '../contacts/list-queries.js';
import type { CaseStatus, UserGroup } from '../../shared/enums.js';

/** A case row with what every answer shows beside it. */
export type CaseWithOwner = CaseRow & { owner_name: string | null };

/** The contacts linked to a case, oldest link first, as one JSON value of the row. */
const contactIdsJson = sql<string[]>`(SELECT coalesce(json_agg(cc.contact_id ORDER BY cc.linked_at, cc.contact_id), '[]'::json) FROM case_contacts cc WHERE cc.case_id = found.id)`;

/** The consent in force, as JSON (null without one). */
const consentJson = sql<{ form: string; givenOn: string; covers: string[]; recordedAt: string } | null>`(SELECT json_build_object('form', k.form, 'givenOn', k.given_on::text, 'covers', k.covers, 'recordedAt', k.recorded_at) FROM case_consents k WHERE k.case_id = found.id AND k.withdrawn_at IS NULL)`;

/** The person row as stored (name and reach still encrypted), as JSON (null without one). */
export interface StoredPerson { name_encrypted: string | null; birth_year: number | null; gender: string | null; languages: string[]; reach_encrypted: string | null; updated_at: string }
const personJson = sql<StoredPerson | null>`(SELECT json_build_object('name_encrypted', p.name_encrypted, 'birth_year', p.birth_year, 'gender', p.gender, 'languages', p.languages, 'reach_encrypted', p.reach_encrypted, 'updated_at', p.updated_at) FROM case_persons p WHERE p.case_id = found.id)`;

/** The case's referrals, newest first, as JSON in the response's shape. */
const referralsJson = sql<unknown[]>`(SELECT coalesce(json_agg(json_build_object('id', r.id, 'agencyType', r.agency_type, 'agencyName', r.agency_name, 'reason', r.reason,
  'referredOn', r.referred_on::text, 'accompanied', r.accompanied, 'overrideReason', r.override_reason, 'outcome', r.outcome, 'outcomeOn', r.outcome_on::text, 'directoryServiceId', r.directory_service_id, 'version', r.version)
  ORDER BY r.referred_on DESC, r.created_at DESC, r.id DESC), '[]'::json) FROM case_referrals r WHERE r.case_id = found.id)`;

/** The case's activity log, newest first, as JSON in the response's shape (with who did it). */
const activitiesJson = sql<unknown[]>`(SELECT coalesce(json_agg(json_build_object('id', a.id, 'category', a.category, 'happenedOn', a.happened_on::text, 'durationMinutes', a.duration_minutes,
  'meetingRole', a.meeting_role, 'note', a.note, 'byName', u.display_name) ORDER BY a.happened_on DESC, a.created_at DESC, a.id DESC), '[]'::json)
  FROM case_activities a LEFT JOIN users u ON u.id = a.created_by WHERE a.case_id = found.id)`;

/** Sperret adresse as JSON (null without one): whether an address is stored, never the address. */
export interface StoredProtection { level: string; has_address: boolean; has_contact: boolean; mail_agreement_on: string | null; mail_initiated_by: string | null; updated_at: string }
const protectionJson = sql<StoredProtection | null>`(SELECT json_build_object('level', p.level, 'has_address', p.address_encrypted IS NOT NULL, 'has_contact', p.contact_encrypted IS NOT NULL,
  'mail_agreement_on', p.mail_agreement_on::text, 'mail_initiated_by', p.mail_initiated_by, 'updated_at', p.updated_at) FROM case_protections p WHERE p.case_id = found.id)`;

/** The mail register, newest first, in the response's shape. */
const mailItemsJson = sql<unknown[]>`(SELECT coalesce(json_agg(json_build_object('id', m.id, 'receivedOn', m.received_on::text, 'sender', m.sender, 'handled', m.handled,
  'handledOn', m.handled_on::text, 'version', m.version) ORDER BY m.received_on DESC, m.created_at DESC, m.id DESC), '[]'::json) FROM case_mail_items m WHERE m.case_id = found.id)`;

/** Tasks and reminders by due date, in the response's shape (with who ticked them off). */
const tasksJson = sql<unknown[]>`(SELECT coalesce(json_agg(json_build_object('id', t.id, 'kind', t.kind, 'title', t.title, 'dueOn', t.due_on::text,
  'doneAt', t.done_at, 'doneByName', u.display_name, 'version', t.version) ORDER BY t.due_on, t.created_at, t.id), '[]'::json)
  FROM case_tasks t LEFT JOIN users u ON u.id = t.done_by WHERE t.case_id = found.id)`;

/** The linked contacts' dates and channels, oldest first. */
const contactsJson = sql<unknown[]>`(SELECT coalesce(json_agg(json_build_object('id', c.id, 'startedAt', c.started_at, 'channel', c.channel) ORDER BY c.started_at, c.id), '[]'::json)
  FROM case_contacts cc JOIN contacts c ON c.id = cc.contact_id WHERE cc.case_id = found.id)`;

/**
 * One case the actor may read, its linked contacts, consent and person, and the audit record of that read, in one
 * statement (as a contact's read: issue 8): the read and its record commit together, or neither.
 */
export function readCaseAudited(db: Db, actor: Actor, id: string) {
  return db
    .with('found', (db) => db.selectFrom('cases').leftJoin('users', 'users.id', 'cases.owner_id').selectAll('cases').select('users.display_name as owner_name')
      .where('cases.id', '=', id).where(caseFilter(actor, 'case.read')))
    .with('audited', (db) =>
      db.insertInto('audit_log').columns(['actor_id', 'action', 'entity', 'entity_id', 'detail']).expression((eb) =>
        eb.selectFrom('found').select([
          sql<string>`${actor.id}::uuid`.as('actor_id'),
          sql<string>`'case.read'`.as('action'),
          sql<string>`'case'`.as('entity'),
          sql<string>`found.id::text`.as('entity_id'),
          sql<string>`'{}'::jsonb`.as('detail'),
        ]),
      ),
    )
    .selectFrom('found')
    .selectAll('found')
    .select(contactIdsJson.as('contact_ids'))
    .select(consentJson.as('consent'))
    .select(sql<string | null>`(SELECT max(k.withdrawn_on)::text FROM case_consents k WHERE k.case_id = found.id AND k.withdrawn_at IS NOT NULL)`.as('consent_withdrawn_on'))
    .select(personJson.as('person'))
    .select(referralsJson.as('referrals'))
    .select(activitiesJson.as('activities'))
    .select(protectionJson.as('protection'))
    .select(mailItemsJson.as('mail_items'))
    .select(tasksJson.as('tasks'))
    .select(contactsJson.as('contacts'))
    .executeTakeFirst();
}

export interface CaseListFilter {
  helplineIds: string[];
  /** Only the cases this user owns (a caseworker's own list, or a coordinator's filter by owner). */
  ownerId?: string;
  status?: CaseStatus;
  userGroup?: UserGroup;
  /** Not closed, and the time limit passed or within this many days. */
  dueWithinDays?: number;
  after?: PageKey;
  limit: number;
}

/** The cases that pass the policy and every filter but the page key: what the list's total counts. */
function filteredCases(db: Db, actor: Actor, f: CaseListFilter) {
  let q = db.selectFrom('cases')
    .where(caseFilter(actor, 'case.read'))
    .where('cases.helpline_id', 'in', f.helplineIds.length ? f.helplineIds : ['-']);
  if (f.ownerId) q = q.where('cases.owner_id', '=', f.ownerId);
  if (f.status) q = q.where('cases.status', '=', f.status);
  if (f.userGroup) q = q.where('cases.user_group', '=', f.userGroup);
  if (f.dueWithinDays !== undefined) {
    q = q.where('cases.status', '<>', 'closed').where(sql<boolean>`cases.time_limit <= current_date + ${f.dueWithinDays}::int`);
  }
  return q;
}

/**
 * A page of cases the actor may read, newest opened first, how many cases the filter finds in all,
 * and the audit record of which were shown, in one statement. Every condition is in SQL (the
 * policy's filter too), so a page is one range read of cases_owner_opened_idx or, for one
 * helpline, cases_helpline_opened_idx; the total counts along the same index. The total comes
 * out on every row and on a single empty row when the page is empty.
 */
export function listCasesAudited(db: Db, actor: Actor, f: CaseListFilter, audit: Record<string, unknown>) {
  let page = filteredCases(db, actor, f).leftJoin('users', 'users.id', 'cases.owner_id').selectAll('cases').select('users.display_name as owner_name');
  if (f.after) page = page.where(sql<boolean>`(cases.opened_at, cases.id) < (${f.after.startedAt}::timestamptz, ${f.after.id}::uuid)`);
  const ordered = page.orderBy('cases.opened_at', 'desc').orderBy('cases.id', 'desc').limit(f.limit + 1);
  return db
    .with('page', () => ordered)
    .with('total', () => filteredCases(db, actor, f).select((eb) => eb.fn.countAll<number>().as('n')))
    .with('audited', (db) =>
      db.insertInto('audit_log').columns(['actor_id', 'action', 'entity', 'detail']).expression(
        db.selectNoFrom([
          sql<string>`${actor.id}::uuid`.as('actor_id'),
          sql<string>`'case.list'`.as('action'),
          sql<string>`'case'`.as('entity'),
          // The ids of the rows shown (not the one more), in the order shown.
          sql<string>`${JSON.stringify(audit)}::jsonb || jsonb_build_object('ids', (SELECT coalesce(jsonb_agg(shown.id ORDER BY shown.opened_at DESC, shown.id DESC), '[]'::jsonb) FROM (SELECT id, opened_at FROM page ORDER BY opened_at DESC, id DESC LIMIT ${f.limit}) shown))`.as('detail'),
        ]),
      ),
    )
    .selectFrom('total')
    .leftJoin('page', (join) => join.onTrue())
    .selectAll('page')
    .select('total.n as total')
    .orderBy('page.opened_at', 'desc')
    .orderBy('page.id', 'desc')
    .execute();
}
