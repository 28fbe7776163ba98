import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Actor } from '../auth/policy.js';
import { contactFilter } from '../auth/policy.js';
import { themesJson } from './queries.js';
import { PREPARED } from '../../db/prepared.js';
import type { Channel, ContactKind } from '../../shared/enums.js';

/** PostgreSQL's text-search configuration for each helpline language (one GIN index each). */
export const SEARCH_CONFIG = { nb: 'norwegian', da: 'danish' } as const;
export type SearchLanguage = keyof typeof SEARCH_CONFIG;

/** Where the previous page ended: the list is ordered by (started_at, id), newest first. */
export interface PageKey {
  startedAt: Date;
  id: string;
}

export interface ContactListFilter {
  /** Helplines to list, with the language their summaries are searched in. */
  helplines: { id: string; language: SearchLanguage }[];
  from?: string;
  to?: string;
  channel?: Channel;
  kind?: ContactKind;
  themeId?: number;
  /** Contacts registered by this user only. */
  createdBy?: string;
  search?: string;
  after?: PageKey;
  limit: number;
}

const DAY_MS = 86_400_000;

/** A UTC instant at least two days before (or after) the local date in any time zone. */
function widened(date: string, days: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/**
 * One page of contacts the actor may read, newest first, without summaries. Every condition is
 * in SQL: the policy's filter, the helplines, the filters and the page key, so a page is one
 * range read of contacts_helpline_started_idx (or, with a search, of the language's GIN index).
 *
 * Several helplines (a coordinator of two, listed without choosing one) are read one range per
 * helpline and merged in order (PostgreSQL's Merge Append): the index is ordered within each
 * helpline only, so a plain `helpline_id IN (…)` would read every contact of them all and sort.
 * A counsellor's own contacts and a search need no merge: their index (created_by, started_at)
 * is in the list's order across helplines, and a search sorts its matches anyway.
 */
export function contactPageQuery(db: Db, actor: Actor, f: ContactListFilter) {
  const helplineIds = f.helplines.map((h) => h.id);
  if (helplineIds.length <= 1 || f.search || f.createdBy) {
    // A search reads its matches from the language's GIN index and sorts them. Ordering by the
    // plain column would let the planner walk the list's index newest-first instead, stemming
    // every summary until enough match: fast for a common word, but the whole table (7 s at 1 M
    // rows, bench) for a word that is nowhere. The no-op interval makes that plan unavailable.
    const started = f.search ? sql`contacts.started_at + interval '0 seconds'` : sql.ref('contacts.started_at');
    return rowsOfHelplines(db, actor, f, helplineIds).orderBy(started, 'desc').orderBy('contacts.id', 'desc').limit(f.limit + 1);
  }
  // Each helpline's page as its own ordered read (a subquery with its order and limit: a plain
  // UNION ALL leg is planned without the outer order and read whole), then merged.
  const [first, ...rest] = helplineIds.map((id) =>
    db.selectFrom(rowsOfHelplines(db, actor, f, [id]).orderBy('contacts.started_at', 'desc').orderBy('contacts.id', 'desc').limit(f.limit + 1).as('one')).selectAll());
  const merged = rest.reduce((union, next) => union.unionAll(next), first);
  return db.selectFrom(merged.as('contacts')).selectAll().orderBy('contacts.started_at', 'desc').orderBy('contacts.id', 'desc').limit(f.limit + 1);
}

/** The rows of the helplines that pass every condition of the filter, in no order. */
function rowsOfHelplines(db: Db, actor: Actor, f: ContactListFilter, helplineIds: string[]) {
  let q = db
    .selectFrom('contacts')
    .leftJoin('users', 'users.id', 'contacts.created_by')
    .selectAll('contacts')
    .select('users.display_name as created_by_name')
    // The policy's filter for the actor as they act here, on these helplines only: the same rows
    // pass (the helplines are a condition below too), but the index then sees one helpline, an
    // equality, and reads in order; the actor's other helplines as an IN list made it sort.
    .where(contactFilter({ ...actor, helplineIds: actor.helplineIds.filter((h) => helplineIds.includes(h)) }, 'contact.read'))
    .where('contacts.helpline_id', 'in', helplineIds.length ? helplineIds : ['-']);
  if (f.from) {
    // local_date decides; the started_at bound (a superset for any zone) lets the index range-read.
    q = q.where('contacts.local_date', '>=', f.from).where('contacts.started_at', '>=', widened(f.from, -2));
  }
  if (f.to) q = q.where('contacts.local_date', '<=', f.to).where('contacts.started_at', '<', widened(f.to, 3));
  if (f.channel) q = q.where('contacts.channel', '=', f.channel);
  if (f.kind) q = q.where('contacts.kind', '=', f.kind);
  if (f.createdBy) q = q.where('contacts.created_by', '=', f.createdBy);
  if (f.themeId !== undefined) {
    const themeId = f.themeId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('contact_themes').select(sql.lit(1).as('one')).whereRef('contact_themes.contact_id', '=', 'contacts.id').where('contact_themes.theme_id', '=', themeId)),
    );
  }
  if (f.search) {
    const words = f.search;
    // The same expression as the language's index; a helpline matches only in its own language.
    const byLanguage = (Object.keys(SEARCH_CONFIG) as SearchLanguage[])
      .map((language) => ({ language, ids: f.helplines.filter((h) => h.language === language).map((h) => h.id) }))
      .filter((g) => g.ids.length);
    q = q.where('contacts.summary', 'is not', null).where((eb) =>
      eb.or(
        byLanguage.map(({ language, ids }) => {
          const config = sql.lit(SEARCH_CONFIG[language]);
          return eb.and([
            eb('contacts.helpline_id', 'in', ids),
            sql<SqlBool>`to_tsvector(${config}::regconfig, contacts.summary) @@ websearch_to_tsquery(${config}::regconfig, ${words})`,
          ]);
        }),
      ),
    );
  }
  if (f.after) q = q.where(sql<SqlBool>`(contacts.started_at, contacts.id) < (${f.after.startedAt}::timestamptz, ${f.after.id}::uuid)`);
  return q;
}

/**
 * The page and one row more (which tells whether another page follows), each row with its themes,
 * and the audit record of what was shown, in one statement: the page and its record commit
 * together, and no transaction stays open while Node works (issue 8). `audit` is what the record
 * says besides the ids shown, which the statement adds itself.
 */
export function listContactPageAudited(db: Db, actor: Actor, f: ContactListFilter, audit: Record<string, unknown>) {
  return contactPageAuditedQuery(db, actor, f, audit).execute();
}

/** The statement `listContactPageAudited` runs (the bench prints its plan). */
export function contactPageAuditedQuery(db: Db, actor: Actor, f: ContactListFilter, audit: Record<string, unknown>) {
  return db
    .with('page', () => contactPageQuery(db, actor, f))
    .with('audited', (db) =>
      db.insertInto('audit_log').columns(['actor_id', 'action', 'entity', 'detail']).expression(
        db.selectNoFrom([
          sql<string>`${actor.id}::uuid`.as('actor_id'),
          sql<string>`'contact.list'`.as('action'),
          sql<string>`'contact'`.as('entity'),
          // The ids of the rows shown (not the one more), in the order shown.
          sql<string>`${JSON.stringify(audit)}::jsonb || jsonb_build_object('ids', (SELECT coalesce(jsonb_agg(shown.id ORDER BY shown.started_at DESC, shown.id DESC), '[]'::jsonb) FROM (SELECT id, started_at FROM page ORDER BY started_at DESC, id DESC LIMIT ${f.limit}) shown))`.as('detail'),
        ]),
      ),
    )
    .selectFrom('page')
    .selectAll('page')
    .select(themesJson(sql.ref('page.id')).as('themes'))
    .orderBy('page.started_at', 'desc')
    .orderBy('page.id', 'desc')
    // The everyday pages (no period, theme or search) are prepared once per connection; filtered
    // ones are planned afresh, as their best plan depends on the values.
    .$if(!f.search && !f.from && !f.to && f.themeId === undefined, (q) => q.modifyEnd(sql.raw(PREPARED)));
}

/** Users who may register contacts on a helpline: the choices of the list's counsellor filter. */
export function listAuthors(db: Db, helplineIds: string[]) {
  return db
    .selectFrom('users')
    .innerJoin('user_helplines', 'user_helplines.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .distinct()
    .where('user_helplines.helpline_id', 'in', helplineIds.length ? helplineIds : ['-'])
    .where('users.role', 'in', ['counsellor', 'coordinator', 'caseworker'])
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
}
