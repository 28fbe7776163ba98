import type { Db } from '../../db/connection.js';
import { COPY_CHUNK_ROWS, copyContacts, type ContactValues } from './bulk-insert.js';
import type { CopyIn } from '../../db/copy.js';
import { groupCommitFor } from './group-commit.js';
import type { ContactRow } from '../../db/types.js';
import { AppError, notFound } from '../../server/errors.js';
import type { ContactInput, ContactUpdateBody, ContactResponse, ContactRevision } from '../../shared/schemas/contacts.js';
import { fieldChanges } from './history.js';
import { type Actor, canUseHelpline, checkContact } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { helplineSnapshot, type HelplineSnapshot } from '../helplines/snapshot.js';
import { localDate } from '../../shared/time-zone.js';
import { contactProblems, ageGroupFor } from './validate.js';
import { refusalOf } from './database-refusal.js';
import * as q from './queries.js';

export type ContactSource = 'form' | 'api' | 'import' | 'demo';

/** Loads the helpline the actor wants to register on; a helpline they may not use is 404. */
export async function snapshotFor(db: Db, actor: Actor, helplineId: string): Promise<HelplineSnapshot> {
  const snapshot = canUseHelpline(actor, helplineId) ? await helplineSnapshot(db, helplineId) : null;
  if (!snapshot) throw new AppError(404, 'not_found', 'helplineId');
  return snapshot;
}

function assertValid(snapshot: HelplineSnapshot, input: ContactInput) {
  const [first] = contactProblems(snapshot, input);
  if (first) throw new AppError(400, first.code, first.field, first.params);
}

/** The column values of a contact; the same mapping for create, edit, import and demo data. */
export function contactValues(snapshot: HelplineSnapshot, input: ContactInput): ContactValues {
  const startedAt = new Date(input.startedAt);
  const date = localDate(startedAt, snapshot.timeZone);
  return {
    helpline_id: input.helplineId,
    channel: input.channel,
    kind: input.kind,
    started_at: startedAt,
    local_date: date,
    duration_minutes: input.durationMinutes,
    who_id: input.whoId,
    age_group_id: input.ageGroupId ?? (input.age !== null ? ageGroupFor(snapshot, input.age, date) : null),
    age: input.age,
    gender_id: input.genderId,
    country: input.country,
    body_type_id: input.bodyTypeId,
    summary: input.summary?.trim() ? input.summary.trim() : null,
    outcomes: [...new Set(input.outcomes)],
    referred_to_id: input.referredToId,
  };
}

export function presentContact(row: ContactRow, themes: q.ThemeRow[], actor: Actor): ContactResponse {
  return {
    id: row.id,
    helplineId: row.helpline_id,
    channel: row.channel as ContactResponse['channel'],
    kind: row.kind as ContactResponse['kind'],
    startedAt: new Date(row.started_at).toISOString(),
    durationMinutes: row.duration_minutes,
    whoId: row.who_id,
    ageGroupId: row.age_group_id,
    age: row.age,
    genderId: row.gender_id,
    country: row.country,
    bodyTypeId: row.body_type_id,
    themes,
    summary: row.summary,
    outcomes: row.outcomes as ContactResponse['outcomes'],
    referredToId: row.referred_to_id,
    source: row.source,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
    canEdit: checkContact(actor, 'contact.update', { helplineId: row.helpline_id, createdBy: row.created_by }),
  };
}

export async function createContact(db: Db, actor: Actor, input: ContactInput, source: ContactSource): Promise<ContactResponse> {
  const snapshot = await snapshotFor(db, actor, input.helplineId);
  assertValid(snapshot, input);
  const row = await groupCommitFor(db).write({
    row: { ...contactValues(snapshot, input), source, created_by: actor.id, themes: input.themes },
    audit: { actorId: actor.id, detail: { helplineId: input.helplineId, source } },
  }).catch((err: unknown) => {
    throw refusalOf(err) ?? err;
  });
  return presentContact(row, input.themes, actor);
}

/** Reads one contact with its free-text summary: every such read is audited, in the same statement. */
export async function getContact(db: Db, actor: Actor, id: string): Promise<ContactResponse> {
  const found = await q.readContactAudited(db, actor, id);
  if (!found) throw notFound();
  const { themes, ...row } = found;
  return presentContact(row, themes, actor);
}

export async function updateContact(db: Db, actor: Actor, id: string, body: ContactUpdateBody): Promise<ContactResponse> {
  const { version, ...input } = body;
  // Loaded before the transaction: PGlite has a single connection, which the transaction holds.
  const snapshot = await snapshotFor(db, actor, input.helplineId);
  return db.transaction().execute(async (trx) => {
    const current = await q.findContact(trx, actor, 'contact.read', id, true);
    if (!current) throw notFound();
    if (!checkContact(actor, 'contact.update', { helplineId: current.helpline_id, createdBy: current.created_by })) throw new AppError(403, 'forbidden');
    if (input.helplineId !== current.helpline_id) throw new AppError(400, 'invalid_value', 'helplineId');
    if (current.version !== version) throw new AppError(409, 'conflict', 'version');
    assertValid(snapshot, input);
    const oldThemes = (await q.themesOf(trx, [id])).get(id) ?? [];
    // The history keeps what the contact was before each edit.
    await q.insertRevision(trx, id, current.version, actor.id, { ...presentContact(current, oldThemes, actor), canEdit: undefined });
    const row = await q.updateContact(trx, id, contactValues(snapshot, input), version);
    if (!row) throw new AppError(409, 'conflict', 'version');
    await q.deleteThemes(trx, id);
    await q.insertThemes(trx, [{ contactId: id, helplineId: row.helpline_id, localDate: row.local_date, kind: row.kind, themes: input.themes }]);
    await writeAudit(trx, { actorId: actor.id, action: 'contact.update', entity: 'contact', entityId: id, detail: { fromVersion: version } });
    return presentContact(row, input.themes, actor);
  });
}

/**
 * The edits of a contact, newest first: who made each (by name), when, and what it changed. A
 * revision holds the contact as it was before an edit; the next revision (or the contact now)
 * is what the edit made of it. Reading the history is audited like reading the contact.
 */
export async function contactHistory(db: Db, actor: Actor, id: string): Promise<ContactRevision[]> {
  return db.transaction().execute(async (trx) => {
    const row = await q.findContact(trx, actor, 'contact.read', id);
    if (!row) throw notFound();
    const revisions = await q.listRevisions(trx, id);
    const now = presentContact(row, (await q.themesOf(trx, [id])).get(id) ?? [], actor);
    await writeAudit(trx, { actorId: actor.id, action: 'contact.history', entity: 'contact', entityId: id });
    const oldestFirst = [...revisions].reverse();
    return oldestFirst
      .map((r, i) => ({
        version: r.version + 1,
        changedAt: new Date(r.changed_at).toISOString(),
        changedBy: r.changed_by,
        changedByName: r.changed_by_name,
        changes: fieldChanges(r.before as Record<string, unknown>, (oldestFirst[i + 1]?.before as Record<string, unknown> | undefined) ?? now),
      }))
      .reverse();
  });
}

/**
 * Loads many already-validated contacts inside the caller's transaction (import, demo data), a
 * chunk at a time: while the database loads one chunk, the next one's rows are built here.
 */
export async function insertContactBatch(
  copyIn: CopyIn,
  snapshot: HelplineSnapshot,
  inputs: ContactInput[],
  meta: { source: ContactSource; createdBy: string | null; importBatchId?: string | null },
): Promise<number> {
  let inFlight: Promise<void> | null = null;
  for (let i = 0; i < inputs.length; i += COPY_CHUNK_ROWS) {
    const rows = inputs.slice(i, i + COPY_CHUNK_ROWS).map((input) => ({ values: contactValues(snapshot, input), themes: input.themes }));
    if (inFlight) await inFlight;
    inFlight = copyContacts(copyIn, rows, { source: meta.source, createdBy: meta.createdBy, importBatchId: meta.importBatchId ?? null });
  }
  if (inFlight) await inFlight;
  return inputs.length;
}
