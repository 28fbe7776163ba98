import { z } from 'zod';
import { CHANNELS, CONTACT_KINDS, OUTCOMES, LIMITS, COUNTRY_NOT_ASKED, COUNTRY_NOT_STATED } from '../enums.js';
import { isCountryCode } from '../countries.js';
import { IsoDate, IsoDateTime, withoutNul } from './dates.js';

/** Zod schemas for contacts, shared by server routes, the web form and the import. */
const categoryId = z.number().int().positive();

export const CountryValue = z.union([
  // Only assigned ISO 3166-1 codes: "UK" looks like one but is not (Britain is GB).
  z.string().regex(/^[A-Z]{2}$/).refine((code): boolean => isCountryCode(code), { message: 'unknown_country' }),
  z.literal(COUNTRY_NOT_STATED),
  z.literal(COUNTRY_NOT_ASKED),
]);

export const ContactThemeInput = z.strictObject({
  themeId: categoryId,
  subthemeIds: z.array(categoryId).max(50).default([]),
});

export const ContactInput = z.strictObject({
  helplineId: z.string().min(2).max(60),
  channel: z.enum(CHANNELS),
  kind: z.enum(CONTACT_KINDS),
  startedAt: IsoDateTime(),
  durationMinutes: z.number().int().min(0).max(LIMITS.durationMaxMinutes).nullable().default(null),
  whoId: categoryId.nullable().default(null),
  ageGroupId: categoryId.nullable().default(null),
  age: z.number().int().min(0).max(120).nullable().default(null),
  genderId: categoryId.nullable().default(null),
  country: CountryValue.default(COUNTRY_NOT_ASKED),
  bodyTypeId: categoryId.nullable().default(null),
  themes: z.array(ContactThemeInput).max(30).default([]),
  summary: z.string().max(LIMITS.summaryMax).nullable().default(null).refine(withoutNul, { message: 'invalid_characters' }),
  outcomes: z.array(z.enum(OUTCOMES)).max(OUTCOMES.length).default([]),
  referredToId: categoryId.nullable().default(null),
});
export type ContactInput = z.infer<typeof ContactInput>;

export const ContactUpdateBody = ContactInput.extend({
  /** The version the editor saw: a stale edit is refused with 409, never silently overwritten. */
  version: z.number().int().positive(),
});
export type ContactUpdateBody = z.infer<typeof ContactUpdateBody>;

export const ContactResponse = z.object({
  id: z.string(),
  helplineId: z.string(),
  channel: z.enum(CHANNELS),
  kind: z.enum(CONTACT_KINDS),
  startedAt: z.string(),
  durationMinutes: z.number().nullable(),
  whoId: z.number().nullable(),
  ageGroupId: z.number().nullable(),
  age: z.number().nullable(),
  genderId: z.number().nullable(),
  country: z.string(),
  bodyTypeId: z.number().nullable(),
  themes: z.array(z.object({ themeId: z.number(), subthemeIds: z.array(z.number()) })),
  summary: z.string().nullable(),
  outcomes: z.array(z.enum(OUTCOMES)),
  referredToId: z.number().nullable(),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  /** Abilities for the web app, so it never recomputes permissions. */
  canEdit: z.boolean(),
});
export type ContactResponse = z.infer<typeof ContactResponse>;

/** List rows carry no free text: notes are read one contact at a time, and audited. */
export const ContactListItem = ContactResponse.omit({ summary: true, themes: true }).extend({
  themeIds: z.array(z.number()),
  hasSummary: z.boolean(),
});
export type ContactListItem = z.infer<typeof ContactListItem>;

/** A date the database can hold and a helpline can have contacts on (year 0000 is no date at all). */
export const ContactListQuery = z.object({
  helplineId: z.string().min(2).max(60).optional(),
  /** Helpline-local dates, both included. */
  from: IsoDate().optional(),
  to: IsoDate().optional(),
  channel: z.enum(CHANNELS).optional(),
  kind: z.enum(CONTACT_KINDS).optional(),
  themeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** The user who registered the contacts (coordinators choose among their helplines' users). */
  counsellorId: z.uuid().optional(),
  /** Words to find in summaries, stemmed in the helpline's language ("vold" finds "volden"). */
  q: z.string().trim().min(1).max(200).regex(/^[^\u0000]*$/).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page: pages are keyed on (startedAt, id), never offsets. */
  cursor: z.string().max(200).optional(),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const ContactListResponse = z.object({
  items: z.array(ContactListItem.extend({ createdByName: z.string().nullable() })),
  nextCursor: z.string().nullable(),
});
export type ContactListResponse = z.infer<typeof ContactListResponse>;

/** A user who registered contacts, to filter the list by. */
export const ContactAuthor = z.object({ id: z.string(), displayName: z.string() });

/** One edit: who made it, when, and the fields it changed (old and new values, raw). */
export const ContactRevision = z.object({
  /** The version the edit made (the first edit makes version 2). */
  version: z.number(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  /** The editor's display name; null when their account no longer exists. */
  changedByName: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type ContactRevision = z.infer<typeof ContactRevision>;
