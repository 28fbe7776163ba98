import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { ContactRow, NewContact } from '../../db/types.js';
import type { ThemeRow } from './queries.js';

/**
 * Registers one contact, its themes and its audit row in a single statement: one round trip and
 * atomic without an explicit transaction (a statement commits whole or not at all, and foreign
 * keys and triggers run at its end). This is the path a busy helpline takes many times a second.
 */
export async function insertContactStatement(
  db: Db,
  values: Omit<NewContact, 'id'>,
  themes: ThemeRow[],
  audit: { actorId: string; detail: Record<string, unknown> },
): Promise<ContactRow> {
  const id = crypto.randomUUID();
  const startedAt = new Date(values.started_at as Date).toISOString();
  const { rows } = await sql<ContactRow>`
    WITH c AS (
      INSERT INTO contacts (id, helpline_id, channel, kind, started_at, local_date, duration_minutes, who_id, age_group_id, age,
                            gender_id, country, body_type_id, summary, outcomes, referred_to_id, source, created_by)
      VALUES (${id}, ${values.helpline_id}, ${values.channel}, ${values.kind}, ${startedAt}, ${values.local_date}, ${values.duration_minutes ?? null},
              ${values.who_id ?? null}, ${values.age_group_id ?? null}, ${values.age ?? null}, ${values.gender_id ?? null}, ${values.country ?? 'not_asked'},
              ${values.body_type_id ?? null}, ${values.summary ?? null}, ${`{${(values.outcomes ?? []).join(',')}}`}::text[], ${values.referred_to_id ?? null},
              ${values.source}, ${values.created_by ?? null})
      RETURNING *
    ), t AS (
      INSERT INTO contact_themes (contact_id, theme_id, subtheme_ids, helpline_id, local_date, kind)
      SELECT ${id}::uuid, theme_id, subtheme_ids::int[], ${values.helpline_id}, ${values.local_date}::date, ${values.kind}
      FROM unnest(${themes.map((x) => x.themeId)}::int[], ${themes.map((x) => `{${x.subthemeIds.join(',')}}`)}::text[]) AS s(theme_id, subtheme_ids)
    ), a AS (
      INSERT INTO audit_log (actor_id, action, entity, entity_id, detail)
      VALUES (${audit.actorId}, 'contact.create', 'contact', ${id}, ${JSON.stringify(audit.detail)}::jsonb)
    )
    SELECT * FROM c`.execute(db);
  return rows[0];
}
