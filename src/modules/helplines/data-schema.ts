import { z } from 'zod';
import { ACTIVITY_CATEGORIES, CHANNELS } from '../../shared/enums.js';
import { LocalizedLabel, OpeningHours } from '../../shared/schemas/helplines.js';

/**
 * The shape of a helpline file in data/helplines/. A category keeps its code forever; a rename is
 * an entry in `history` (labels valid before `until`), a retirement is `retiredFrom`.
 */
const Category = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]{1,60}$/),
  label: LocalizedLabel,
  history: z.array(z.strictObject({ until: z.iso.date(), label: LocalizedLabel })).default([]),
  retiredFrom: z.iso.date().optional(),
  minAge: z.number().int().min(0).max(120).optional(),
  maxAge: z.number().int().min(0).max(120).optional(),
});

const Theme = Category.extend({ subthemes: z.array(Category).default([]) });

export const HelplineFile = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: LocalizedLabel,
  timeZone: z.string().default('Europe/Oslo'),
  source: z.string().optional(),
  /** Months a contact's free-text summary is kept (counted from the contact); then it is blanked. */
  summaryRetentionMonths: z.number().int().min(1).max(120).optional(),
  /** Follow-up cases closed this many months ago are anonymised by the retention job (issue 9 point 8). */
  caseAnonymiseAfterMonths: z.number().int().min(1).max(240).optional(),
  /** The follow-up activity categories this service uses, in its order (issue 9 point 3); all of them when left out. */
  caseActivityCategories: z.array(z.enum(ACTIVITY_CATEGORIES)).min(1).refine((a) => new Set(a).size === a.length, { message: 'a category twice' }).optional(),
  /** The helpline's language: counsellors write summaries in it (full-text search stems words in
   * it) and the import template's example row is written in it. */
  language: z.enum(['nb', 'da']).default('nb'),
  /** Smallest count the published statistics show as is; smaller ones are hidden, with what would reveal them (default 5). */
  smallCellThreshold: z.number().int().min(2).max(100).optional(),
  channels: z.array(z.strictObject({ channel: z.enum(CHANNELS), openingHours: OpeningHours })).min(1),
  taxonomy: z.strictObject({
    /** First day the oldest labels are valid (covers imported history). */
    validFrom: z.iso.date(),
    who: z.array(Category).min(1),
    age_group: z.array(Category).min(1),
    gender: z.array(Category).min(1),
    body_type: z.array(Category).default([]),
    theme: z.array(Theme).min(1),
  }),
});
export type HelplineFile = z.infer<typeof HelplineFile>;
export type CategoryFile = z.infer<typeof Category>;
