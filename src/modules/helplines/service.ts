import type { Db } from '../../db/connection.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../auth/policy.js';
import { actsOnAllHelplines, canUseHelpline } from '../auth/policy.js';
import type { HelplineResponse, TaxonomyResponse } from '../../shared/schemas/helplines.js';
import * as q from './queries.js';
import { isOpenAt } from '../../shared/opening-hours.js';
import { localDate } from '../../shared/time-zone.js';
import { ACTIVITY_CATEGORIES } from '../../shared/enums.js';

export type { CategoryAt } from './queries.js';

export async function listHelplinesFor(db: Db, actor: Actor, now = new Date()): Promise<HelplineResponse[]> {
  const helplines = await q.listHelplines(db, actsOnAllHelplines(actor) ? 'all' : actor.helplineIds);
  const channels = await q.listChannels(db, helplines.map((h) => h.id));
  return helplines.map((h) => ({
    id: h.id,
    name: h.name as HelplineResponse['name'],
    timeZone: h.time_zone,
    summaryRetentionMonths: h.summary_retention_months,
    caseActivityCategories: (h.case_activity_categories ?? [...ACTIVITY_CATEGORIES]) as HelplineResponse['caseActivityCategories'],
    channels: channels
      .filter((c) => c.helpline_id === h.id)
      .map((c) => {
        const openingHours = c.opening_hours as HelplineResponse['channels'][number]['openingHours'];
        return { channel: c.channel as HelplineResponse['channels'][number]['channel'], openingHours, openNow: isOpenAt(openingHours, h.time_zone, now) };
      }),
  }));
}

export async function getHelpline(db: Db, helplineId: string) {
  const [h] = await q.listHelplines(db, [helplineId]);
  return h ?? null;
}

export async function helplineChannels(db: Db, helplineId: string): Promise<string[]> {
  return (await q.listChannels(db, [helplineId])).map((c) => c.channel);
}

/**
 * The helpline's categories as labelled on `at`, by default today in the helpline's own time zone
 * (the date its contacts are filed under, not the UTC date); unknown or foreign helplines are 404.
 */
export async function taxonomyFor(db: Db, actor: Actor, helplineId: string, at?: string, now = new Date()): Promise<TaxonomyResponse> {
  const helpline = canUseHelpline(actor, helplineId) ? await getHelpline(db, helplineId) : null;
  if (!helpline) throw notFound();
  at ??= localDate(now, helpline.time_zone);
  const rows = await q.categoriesAt(db, helplineId, at);
  return {
    helplineId,
    at,
    categories: rows.map((c) => ({
      id: c.id,
      code: c.code,
      dimension: c.dimension as TaxonomyResponse['categories'][number]['dimension'],
      parentId: c.parent_id,
      label: c.label as TaxonomyResponse['categories'][number]['label'],
      retired: c.retired,
      minAge: c.min_age,
      maxAge: c.max_age,
    })),
  };
}

export const categoriesAt = q.categoriesAt;
