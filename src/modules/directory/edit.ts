import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/connection.js';
import { AppError, notFound } from '../../server/errors.js';
import { writeAudit } from '../audit/service.js';
import { rowOf } from './data-set.js';
import { fullServices } from './documents.js';
import { hsdsValidator } from './hsds-schemas.js';
import { rebuildSearchIndex } from './search/build-index.js';

const text = (max: number) => z.string().trim().max(max).nullable();
/** What a coordinator changes on a service: what people read and call, and that it was checked. */
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
  /** Checked today against the source: the entry's "last verified" becomes today. */
  verified: z.boolean(),
  /** The `last_modified` the editor started from: a change made in between is not overwritten. */
  last_modified: z.string().nullable(),
});
export type ServiceEdit = z.infer<typeof ServiceEdit>;

const FIELDS = ['description', 'eligibility_description', 'application_process', 'fees_description', 'url', 'email', 'minimum_age', 'maximum_age'] as const;

/**
 * Saves a coordinator's edit of one service (issue 10 point 2): its own fields and phones, checked
 * against the official HSDS schemas, with its search row rebuilt and an audit row, in one
 * transaction. "Verified" sets the date a person last checked it (HSDS `assured_date`).
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

    await trx.updateTable('directory_records').set({ doc: JSON.stringify(doc), sort_name: body.name.toLocaleLowerCase('nb') }).where('kind', '=', 'service').where('id', '=', serviceId).execute();
    // The service's own phones are replaced; those of its locations stay with the locations.
    await trx.deleteFrom('directory_records').where('kind', '=', 'phone').where('service_id', '=', serviceId).where('location_id', 'is', null).execute();
    if (phones.length) await trx.insertInto('directory_records').values(phones.map((p) => rowOf('phones', p))).execute();
    await rebuildSearchIndex(trx, serviceId);
    await writeAudit(trx, { actorId, action: 'directory.edit', entity: 'directory', entityId: serviceId, detail: { verified: body.verified, phones: phones.length } });
  });
  const saved = await db.selectFrom('directory_records').select('doc').where('kind', '=', 'service').where('id', '=', serviceId).executeTakeFirstOrThrow();
  return (await fullServices(db, [saved.doc]))[0];
}
