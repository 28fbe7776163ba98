import crypto from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connection.js';
import { AppError, notFound } from '../../server/errors.js';
import { writeAudit } from '../audit/service.js';
import { rowOf } from './data-set.js';
import { fullServices } from './documents.js';
import { PlaceEdit, scheduleRecords, serviceAreaRecords, TERM_LISTS, TermIds, termRecords, WeeklyHoursEdit, type TermList } from './edit-records.js';
import { hsdsValidator } from './hsds-schemas.js';
import { rebuildSearchIndex } from './search/build-index.js';
import { allowedTerms } from './service-terms.js';

const text = (max: number) => z.string().trim().max(max).nullable();
/** What a coordinator changes on a service: what people read and call, when and where it helps, whom, with what, and that it was checked. */
export const ServiceEdit = z.object({
  name: z.string().trim().min(1).max(200),
  description: text(4000),
  eligibility_description: text(2000),
  application_process: text(2000),
  fees_description: text(1000),
  // Only web addresses: a `javascript:` or `data:` link would be handed on to every reader.
  url: z.url({ protocol: /^https?$/ }).max(500).nullable(),
  email: z.email().max(200).nullable(),
  minimum_age: z.number().int().min(0).max(120).nullable(),
  maximum_age: z.number().int().min(0).max(120).nullable(),
  // A number one can dial: digits, spaces, dashes, dots, brackets and a leading +.
  phones: z.array(z.object({ number: z.string().trim().max(40).regex(/^\+?[\d\s().-]*\d[\d\s().-]*$/).refine((n) => n.replace(/\D/g, '').length >= 3), description: text(200) })).max(20),
  // The lists below replace the service's own; a client that leaves one out leaves it as it is.
  /** Weekly opening hours, replacing the service's own weekly schedules. */
  schedules: z.array(WeeklyHoursEdit).max(30).optional(),
  /** The places it serves ("Bergen", "Norge" for the whole country). */
  service_areas: z.array(PlaceEdit).max(50).optional(),
  /** Ids of the taxonomy terms it is for and helps with, from the taxonomies serving as those lists (`allowedTerms`). */
  target_groups: TermIds.optional(),
  needs: TermIds.optional(),
  /** Checked today against the source: the entry's "last verified" becomes today. */
  verified: z.boolean(),
  /** The `last_modified` the editor started from: a change made in between is not overwritten. */
  last_modified: z.string().nullable(),
});
export type ServiceEdit = z.infer<typeof ServiceEdit>;

const FIELDS = ['description', 'eligibility_description', 'application_process', 'fees_description', 'url', 'email', 'minimum_age', 'maximum_age'] as const;

/**
 * Saves a coordinator's edit of one service (issue 10 point 2): its own fields, phones, weekly
 * hours, places, target groups and needs, checked against the official HSDS schemas, with its
 * search row rebuilt (so "open now" and the filters answer from the edit at once) and an audit
 * row, in one transaction. "Verified" sets the date a person last checked it (HSDS `assured_date`).
 */
export async function editService(db: Db, actorId: string, id: string, body: ServiceEdit, today = new Date().toISOString().slice(0, 10)) {
  if (body.minimum_age !== null && body.maximum_age !== null && body.minimum_age > body.maximum_age) throw new AppError(400, 'invalid_value', 'maximum_age');
  const serviceId = id.toLowerCase();
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('directory_records').select('doc').where('kind', '=', 'service').where('id', '=', serviceId).forUpdate().executeTakeFirst();
    if (!row) throw notFound();
    if (((row.doc.last_modified as string | undefined) ?? null) !== body.last_modified) throw new AppError(409, 'conflict');
    const doc: Record<string, unknown> = { ...row.doc, name: body.name, last_modified: new Date().toISOString() };
    for (const field of FIELDS) {
      const value = body[field];
      if (value === null || value === '') delete doc[field];
      else doc[field] = value;
    }
    if (body.verified) doc.assured_date = today;
    const validService = hsdsValidator('service.json');
    if (!validService(doc)) throw new AppError(400, 'invalid_value', String(validService.errors?.[0]?.instancePath.slice(1) || 'name'));
    const phones = body.phones.map((p) => ({ id: crypto.randomUUID(), service_id: serviceId, number: p.number, ...(p.description ? { description: p.description } : {}) }));
    const validPhone = hsdsValidator('phone.json');
    const bad = phones.findIndex((p) => !validPhone(p));
    if (bad >= 0) throw new AppError(400, 'invalid_value', `phones.${bad}.number`);
    const schedules = body.schedules && scheduleRecords(serviceId, body.schedules);
    const areas = body.service_areas && serviceAreaRecords(serviceId, body.service_areas);
    const termLists = (Object.keys(TERM_LISTS) as TermList[]).filter((list) => body[list] !== undefined);
    const terms: Record<string, unknown>[] = [];
    for (const list of termLists) {
      const ids = body[list]!.map((x) => x.toLowerCase());
      terms.push(...termRecords(serviceId, list, ids, await allowedTerms(trx, TERM_LISTS[list], ids)));
    }

    await trx.updateTable('directory_records').set({ doc: JSON.stringify(doc), sort_name: body.name.toLocaleLowerCase('nb') }).where('kind', '=', 'service').where('id', '=', serviceId).execute();
    // The service's own phones are replaced; those of its locations stay with the locations.
    await trx.deleteFrom('directory_records').where('kind', '=', 'phone').where('service_id', '=', serviceId).where('location_id', 'is', null).execute();
    // Likewise its own weekly hours; those of its locations stay, and so do hours the editor does not show (monthly ones).
    if (schedules) {
      await trx.deleteFrom('directory_records').where('kind', '=', 'schedule').where('service_id', '=', serviceId).where('location_id', 'is', null).where('service_at_location_id', 'is', null)
        .where(sql<boolean>`coalesce(doc->>'freq', 'WEEKLY') = 'WEEKLY'`).execute();
    }
    if (areas) await trx.deleteFrom('directory_records').where('kind', '=', 'service_area').where('service_id', '=', serviceId).execute();
    // Only the lists of terms given: attributes of other kinds are not the editor's to remove.
    if (termLists.length) {
      await trx.deleteFrom('directory_records').where('kind', '=', 'attribute').where('link_id', '=', serviceId)
        .where(sql<boolean>`doc->>'link_entity' = 'service'`).where(sql<string>`doc->>'link_type'`, 'in', termLists.map((list) => TERM_LISTS[list])).execute();
    }
    const rows = [
      ...phones.map((p) => rowOf('phones', p)), ...(schedules ?? []).map((x) => rowOf('schedules', x)),
      ...(areas ?? []).map((a) => rowOf('service_areas', a)), ...terms.map((a) => rowOf('attributes', a)),
    ];
    if (rows.length) await trx.insertInto('directory_records').values(rows).execute();
    await rebuildSearchIndex(trx, serviceId);
    // How many of each were saved; a list left as it was is not counted.
    const counts = { schedules: schedules?.length, service_areas: areas?.length, terms: termLists.length ? terms.length : undefined };
    await writeAudit(trx, {
      actorId, action: 'directory.edit', entity: 'directory', entityId: serviceId,
      detail: { verified: body.verified, phones: phones.length, ...Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== undefined)) },
    });
  });
  const saved = await db.selectFrom('directory_records').select('doc').where('kind', '=', 'service').where('id', '=', serviceId).executeTakeFirstOrThrow();
  return (await fullServices(db, [saved.doc]))[0];
}
