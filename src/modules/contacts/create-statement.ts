import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { ContactRow } from '../../db/types.js';
import type { NewContact } from '../../db/types.js';
import type { ThemeRow } from './queries.js';

export type ContactInsertRow = Omit<NewContact, 'id'> & { themes: ThemeRow[] };

export interface Registration {
  row: ContactInsertRow;
  audit: { actorId: string; detail: Record<string, unknown> };
}

/**
 * Registers contacts, their themes and one audit row each in a single statement: one round trip,
 * and atomic without an explicit transaction (a statement commits whole or not at all, and
 * foreign keys and triggers run at its end). Returns the stored rows in the order given.
 */
export async function insertRegistrations(db: Db, registrations: Registration[]): Promise<ContactRow[]> {
  const ids = registrations.map(() => crypto.randomUUID());
  const contacts = registrations.map(({ row: r }, i) => sql`(${ids[i]}::uuid, ${r.helpline_id}, ${r.channel}, ${r.kind}, ${new Date(r.started_at as Date).toISOString()}::timestamptz,
      ${r.local_date}::date, ${r.duration_minutes ?? null}::int, ${r.who_id ?? null}::int, ${r.age_group_id ?? null}::int, ${r.age ?? null}::int,
      ${r.gender_id ?? null}::int, ${r.country ?? 'not_asked'}, ${r.body_type_id ?? null}::int, ${r.summary ?? null}, ${`{${(r.outcomes ?? []).join(',')}}`}::text[],
      ${r.referred_to_id ?? null}::int, ${r.source}, ${r.created_by ?? null}::uuid)`);
  const themes = registrations.flatMap(({ row: r }, i) =>
    r.themes.map((t) => sql`(${ids[i]}::uuid, ${t.themeId}::int, ${`{${t.subthemeIds.join(',')}}`}::int[], ${r.helpline_id}, ${r.local_date}::date, ${r.kind})`));
  const audits = registrations.map(({ audit }, i) => sql`(${audit.actorId}::uuid, 'contact.create', 'contact', ${ids[i]}, ${JSON.stringify(audit.detail)}::jsonb)`);
  const { rows: stored } = await sql<ContactRow>`
    WITH c AS (
      INSERT INTO contacts (id, helpline_id, channel, kind, started_at, local_date, duration_minutes, who_id, age_group_id, age,
                            gender_id, country, body_type_id, summary, outcomes, referred_to_id, source, created_by)
      VALUES ${sql.join(contacts)}
      RETURNING *
    )${themes.length ? sql`, t AS (
      INSERT INTO contact_themes (contact_id, theme_id, subtheme_ids, helpline_id, local_date, kind) VALUES ${sql.join(themes)}
    )` : sql``}, a AS (
      INSERT INTO audit_log (actor_id, action, entity, entity_id, detail) VALUES ${sql.join(audits)}
    )
    SELECT * FROM c`.execute(db);
  const byId = new Map(stored.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) as ContactRow);
}
