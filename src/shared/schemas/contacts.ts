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

export const ContactListQuery = z.object({
  helplineId: z.string().min(2).max(60).optional(),
  from: IsoDate().optional(),
  to: IsoDate().optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: IsoDateTime().optional(),
});

export const ContactListResponse = z.object({ items: z.array(ContactListItem) });

export const ContactRevision = z.object({
  version: z.number(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  before: z.record(z.string(), z.unknown()),
});
