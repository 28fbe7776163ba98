import type { Db } from '../../db/connection.js';
import { AppError } from '../../server/errors.js';
import type { ContactListQuery, ContactListResponse } from '../../shared/schemas/contacts.js';
import { type Actor, canUseHelpline, listsAllContacts } from '../auth/policy.js';
import { listAuthors, listContactPageAudited, type PageKey } from './list-queries.js';
import { helplineSnapshot } from '../helplines/snapshot.js';
import { presentContact } from './service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodePageKey(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.startedAt.toISOString(), key.id])).toString('base64url');
}

/** A cursor the client got from us; anything else is a 400 naming `cursor`. */
export function decodePageKey(cursor: string): PageKey {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const startedAt = new Date(String(at));
    if (typeof at === 'string' && !Number.isNaN(startedAt.getTime()) && typeof id === 'string' && UUID.test(id)) return { startedAt, id };
  } catch {
    /* falls through */
  }
  throw new AppError(400, 'invalid_format', 'cursor');
}

/** The helplines a list covers: the one asked for (if the actor works on it) or all of theirs. */
function helplinesInScope(actor: Actor, helplineId: string | undefined): string[] {
  if (helplineId === undefined) return actor.helplineIds;
  if (!canUseHelpline(actor, helplineId)) throw new AppError(400, 'invalid_value', 'helplineId');
  return [helplineId];
}

async function assertTheme(db: Db, helplineIds: string[], themeId: number) {
  const theme = await db
    .selectFrom('taxonomy_categories')
    .select('id')
    .where('id', '=', themeId)
    .where('dimension', '=', 'theme')
    .where('helpline_id', 'in', helplineIds.length ? helplineIds : ['-'])
    .executeTakeFirst();
  if (!theme) throw new AppError(400, 'unknown_category', 'themeId');
}

/**
 * A page of contacts, newest first. Coordinators see every contact of their helplines; everyone
 * else who reads contacts sees those they registered. The page is audited as a read of contacts.
 */
export async function listContacts(db: Db, actor: Actor, query: ContactListQuery): Promise<ContactListResponse> {
  const helplineIds = helplinesInScope(actor, query.helplineId);
  if (query.from && query.to && query.from > query.to) throw new AppError(400, 'invalid_value', 'to');
  const after = query.cursor ? decodePageKey(query.cursor) : undefined;
  if (query.themeId !== undefined) await assertTheme(db, helplineIds, query.themeId);
  const ownOnly = query.mine === 'true' || !listsAllContacts(actor);
  if (ownOnly && query.counsellorId && query.counsellorId !== actor.id) return { items: [], nextCursor: null };
  // Each helpline's search language from its cached snapshot: no query on every page.
  const helplines = (await Promise.all(helplineIds.map((h) => helplineSnapshot(db, h))))
    .filter((h) => h !== null)
    .map((h) => ({ id: h.id, language: h.language ?? 'nb' }));

  // What was filtered, never the search words (they may be personal); the statement adds which contacts were shown.
  const filters = (['helplineId', 'from', 'to', 'channel', 'kind', 'themeId', 'counsellorId', 'q', 'cursor'] as const).filter((k) => query[k] !== undefined);
  const rows = await listContactPageAudited(db, actor, {
    helplines,
    from: query.from,
    to: query.to,
    channel: query.channel,
    kind: query.kind,
    themeId: query.themeId,
    createdBy: ownOnly ? actor.id : query.counsellorId,
    search: query.q,
    after,
    limit: query.limit,
  }, { helplineIds, filters });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => {
      const { created_by_name: createdByName, themes, ...contact } = row;
      const { summary, themes: _t, ...rest } = presentContact(contact, themes, actor);
      return { ...rest, themeIds: themes.map((t) => t.themeId), hasSummary: summary !== null, createdByName };
    }),
    nextCursor: rows.length > query.limit && last ? encodePageKey({ startedAt: new Date(last.started_at), id: last.id }) : null,
  };
}

/** Whom the actor may filter the list by: their helplines' users for a coordinator, else themselves. */
export async function contactAuthors(db: Db, actor: Actor, helplineId: string | undefined) {
  const helplineIds = helplinesInScope(actor, helplineId);
  const authors = await listAuthors(db, helplineIds);
  const visible = listsAllContacts(actor) ? authors : authors.filter((a) => a.id === actor.id);
  return visible.map((a) => ({ id: a.id, displayName: a.display_name }));
}
