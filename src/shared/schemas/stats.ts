import { z } from 'zod';
import { LOCALES } from '../enums.js';

/** A report table: localized labels, values as counts or «:» where the published view hides them. */
export const ReportTable = z.object({
  id: z.string(),
  title: z.string(),
  /** Header of each value column (first column is the row label). */
  columns: z.array(z.string()),
  rows: z.array(z.object({ key: z.string(), label: z.string(), values: z.array(z.union([z.number(), z.string()])) })),
  /** An honest remark, e.g. how many contacts did not state this. */
  note: z.string().optional(),
  /**
   * The chart for the table, as SVG drawn by ECharts: two drawings, `svg.chart-wide` and
   * `svg.chart-narrow`; the page shows the one that fits. Only with `charts=true` (the printable
   * report): the dashboard draws the same charts itself from the numbers (decision 0026).
   */
  chartSvg: z.string().optional(),
  /** In place of a chart (with `charts=true`): one sentence saying why there is none (every value hidden, nothing counted). */
  chartText: z.string().optional(),
});
export type ReportTable = z.infer<typeof ReportTable>;

export const Report = z.object({
  helplineId: z.string(),
  helplineName: z.string(),
  year: z.number(),
  locale: z.enum(LOCALES),
  suppressed: z.boolean(),
  /** published: hidden numbers shown as «:» (everyone's default); internal: every number, for the helpline's coordinators only. */
  view: z.enum(['published', 'internal']).optional(),
  /** The helpline's threshold: counts from 1 up to this minus one are hidden in the published view. */
  threshold: z.number().optional(),
  /** Contacts of the year that are synthetic demo data (`brobygger demo`): the report says so. */
  demoContacts: z.number(),
  summary: z.object({
    total: z.union([z.number(), z.string()]),
    previousTotal: z.union([z.number(), z.string()]),
    /** Percent change from the previous year; null when there is no previous year. */
    changePercent: z.number().nullable(),
    firstContactsFromIndividuals: z.union([z.number(), z.string()]),
    knowledgeRequests: z.union([z.number(), z.string()]),
    followUpCases: z.union([z.number(), z.string()]),
    /** Every contact of every kind (first, repeat, knowledge requests, talks). */
    allContacts: z.union([z.number(), z.string()]).optional(),
    previousAllContacts: z.union([z.number(), z.string()]).optional(),
    allChangePercent: z.number().nullable().optional(),
    /** What "this year" and "previous" cover: while a year is not over, the year so far against the same days of the year before. */
    period: z.object({
      partial: z.boolean(),
      until: z.string().optional(),
      previousUntil: z.string().optional(),
      thisYear: z.string(),
      previous: z.string(),
    }).optional(),
  }),
  tables: z.array(ReportTable),
});
export type Report = z.infer<typeof Report>;

export const ReportQuery = z.object({
  helplineId: z.string().min(2).max(60),
  year: z.coerce.number().int().min(1990).max(2100),
  /** The published view unless a coordinator of the helpline asks for the internal one (`false`). */
  suppress: z.enum(['true', 'false']).default('true'),
  lang: z.enum(LOCALES).optional(),
});
