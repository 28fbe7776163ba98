import { z } from 'zod';
import { ACTIVITY_CATEGORIES, CHANNELS, DIMENSIONS } from '../enums.js';

export const LocalizedLabel = z.object({ nb: z.string(), da: z.string(), en: z.string() });

export const OpeningHours = z.array(
  z.object({
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1),
    opens: z.string().regex(/^\d{2}:\d{2}$/),
    closes: z.string().regex(/^\d{2}:\d{2}$/),
  }),
);

export const HelplineResponse = z.object({
  id: z.string(),
  name: LocalizedLabel,
  timeZone: z.string(),
  /** Months a contact's free-text summary is kept before the retention job blanks it; null = kept. */
  summaryRetentionMonths: z.number().nullable(),
  /** The follow-up activity categories the service uses, in its order. */
  caseActivityCategories: z.array(z.enum(ACTIVITY_CATEGORIES)),
  channels: z.array(z.object({ channel: z.enum(CHANNELS), openingHours: OpeningHours, openNow: z.boolean() })),
});
export type HelplineResponse = z.infer<typeof HelplineResponse>;

export const CategoryResponse = z.object({
  id: z.number(),
  code: z.string(),
  dimension: z.enum(DIMENSIONS),
  parentId: z.number().nullable(),
  label: LocalizedLabel,
  retired: z.boolean(),
  minAge: z.number().nullable(),
  maxAge: z.number().nullable(),
});
export type CategoryResponse = z.infer<typeof CategoryResponse>;

export const TaxonomyResponse = z.object({
  helplineId: z.string(),
  /** The date the labels are valid at. */
  at: z.string(),
  categories: z.array(CategoryResponse),
});
export type TaxonomyResponse = z.infer<typeof TaxonomyResponse>;
