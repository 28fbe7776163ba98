import { z } from 'zod';
import { LOCALES } from '../enums.js';
import { ReportTable } from './stats.js';

/** The follow-up report of a service and year (issue 9 point 7; seed 002, section 5). */
export const CaseReport = z.object({
  helplineId: z.string(),
  helplineName: z.string(),
  year: z.number(),
  locale: z.enum(LOCALES),
  suppressed: z.boolean(),
  threshold: z.number(),
  summary: z.object({
    users: z.union([z.number(), z.string()]),
    activities: z.union([z.number(), z.string()]),
    referrals: z.union([z.number(), z.string()]),
    mailItems: z.union([z.number(), z.string()]),
    physicalMeetings: z.union([z.number(), z.string()]),
  }),
  tables: z.array(ReportTable),
});
export type CaseReport = z.infer<typeof CaseReport>;

export const CaseReportQuery = z.object({
  helplineId: z.string().min(2).max(60),
  year: z.coerce.number().int().min(2000).max(2100),
  /** The published view (default); `false` is the internal one, for the helpline's coordinators. */
  suppress: z.enum(['true', 'false']).default('true'),
  lang: z.enum(LOCALES).optional(),
});
