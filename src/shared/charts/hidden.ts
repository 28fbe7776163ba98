import type { ReportTable } from '../schemas/stats.js';

/** One value of a report table, as published: a count, or a mark in place of a hidden one. */
export type ReportValue = ReportTable['rows'][number]['values'][number];

/**
 * The one place that decides whether a published value is hidden. Today a hidden cell is a mark
 * (a string such as "<5") where a count would stand; if suppression marks cells another way,
 * only this function changes and every chart keeps drawing nothing for them.
 */
export function isHidden(value: ReportValue): boolean {
  return typeof value !== 'number';
}

/** The count a chart may draw, or null: a hidden cell is never drawn, not even as zero. */
export function drawable(value: ReportValue): number | null {
  return isHidden(value) ? null : (value as number);
}
