import { type Expression, type SqlBool, type ExpressionBuilder, sql } from 'kysely';
import type { Role } from '../../shared/enums.js';
import { ROLE_ACTIONS, type Action } from '../../shared/access.js';

/**
 * One policy vocabulary for the whole app. Roles grant actions; conditions (helpline membership,
 * ownership) narrow them and have two forms: `check` for one row in memory and `filter` as a
 * Kysely expression for lists. policy.test.ts proves both agree.
 */
// The role table lives in src/shared so the web app can name actions without importing a server module.
export { ACTIONS, type Action, type Access } from '../../shared/access.js';

export interface Actor {
  id: string;
  role: Role;
  /** Helplines the user works on; admins and analysts act across all helplines. */
  helplineIds: string[];
}

export function can(actor: Actor | null, action: Action): boolean {
  return !!actor && (ROLE_ACTIONS[actor.role] ?? []).includes(action);
}

export function abilities(actor: Actor): Action[] {
  return [...(ROLE_ACTIONS[actor.role] ?? [])];
}

/** Staff who can read contacts sign in with a second factor (ARCHITECTURE: data and privacy rules). */
export function secondFactorRequired(role: Role): boolean {
  return (ROLE_ACTIONS[role] ?? []).includes('contact.read');
}

export function actsOnAllHelplines(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'analyst';
}

export function canUseHelpline(actor: Actor, helplineId: string): boolean {
  return actsOnAllHelplines(actor) || actor.helplineIds.includes(helplineId);
}

/** Row shape the contact conditions need. */
export interface ContactScopeRow {
  helplineId: string;
  createdBy: string | null;
}

/** In-memory check: may this actor do `action` on this contact? */
export function checkContact(actor: Actor, action: Action, row: ContactScopeRow): boolean {
  if (!can(actor, action)) return false;
  if (!canUseHelpline(actor, row.helplineId)) return false;
  // A counsellor corrects only their own registrations; a coordinator any on their helplines.
  if (action === 'contact.update' && actor.role !== 'coordinator') return row.createdBy === actor.id;
  return true;
}

/** The same rule as a SQL condition on a `contacts` table in scope, for lists. */
export function contactFilter(actor: Actor, action: Action) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (!can(actor, action)) return sql<SqlBool>`false`;
    const conditions: Expression<SqlBool>[] = [];
    if (!actsOnAllHelplines(actor)) {
      conditions.push(
        actor.helplineIds.length ? eb('contacts.helpline_id', 'in', actor.helplineIds) : sql<SqlBool>`false`,
      );
    }
    if (action === 'contact.update' && actor.role !== 'coordinator') {
      conditions.push(eb('contacts.created_by', '=', actor.id));
    }
    // Contacts of an import still loading (or being undone) are no one's yet (decision 0011).
    conditions.push(sql<SqlBool>`(contacts.import_batch_id IS NULL OR contacts.import_batch_id NOT IN (SELECT id FROM import_batches WHERE state <> 'published'))`);
    return conditions.length ? eb.and(conditions) : sql<SqlBool>`true`;
  };
}

/**
 * Lists of contacts: a coordinator sees every contact of their helplines; anyone else who reads
 * contacts sees the ones they registered (the list is where colleagues' work would be browsed).
 */
export function listsAllContacts(actor: Actor): boolean {
  return can(actor, 'contact.read') && actor.role === 'coordinator';
}

/**
 * Follow-up cases (issue 9, decision 0031) as a SQL condition on a `cases` table in scope, for
 * single reads and lists alike: the actor's helplines only; a coordinator every case of them,
 * anyone else the cases they own. Administrators and analysts hold no case action, so never a row.
 */
export function caseFilter(actor: Actor, action: Action) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (!can(actor, action)) return sql<SqlBool>`false`;
    const conditions: Expression<SqlBool>[] = [
      actor.helplineIds.length ? eb('cases.helpline_id', 'in', actor.helplineIds) : sql<SqlBool>`false`,
    ];
    if (!seesServiceCases(actor)) conditions.push(eb('cases.owner_id', '=', actor.id));
    return eb.and(conditions);
  };
}

/** Coordinators see and work every case of their helplines (hand-over, caseload); others their own. */
export function seesServiceCases(actor: Actor): boolean {
  return can(actor, 'case.read') && actor.role === 'coordinator';
}
