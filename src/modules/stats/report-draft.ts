import type { Locale } from '../../shared/enums.js';
import type { ReportTable } from '../../shared/schemas/stats.js';
import { formatNumber } from '../../shared/i18n/report-labels.js';
import type { Ledger } from './disclosure/ledger.js';

/**
 * A report table before suppression: its cells name quantities of the ledger, so the same table
 * renders as the internal view (every number) or the published one (hidden numbers as a mark).
 */
export type DraftValue = { q: string } | { change: [string, string] } | string;

export interface DraftTable {
  id: string;
  title: string;
  columns: string[];
  rows: { key: string; label: string; values: DraftValue[] }[];
  /** Renders the note with each quantity as it is published. */
  note?: (show: Show) => string | undefined;
  /** Rows sorted by their first published value, largest first, hidden ones last in their given order. */
  sortByValue?: boolean;
}

export type Show = (id: string) => number | string;

/** The mark of a hidden number. Not "<5": that would tell a reader the range (decision 0015). */
export const HIDDEN = ':';

export function shower(ledger: Ledger, hidden: Set<string>, locale: Locale): { show: Show; text: (id: string) => string } {
  const show: Show = (id) => (hidden.has(id) ? HIDDEN : ledger.value(id));
  return { show, text: (id) => formatNumber(show(id), locale) };
}

/** Percent change; none without a base, or when either number is hidden. */
export function changeOf(ledger: Ledger, hidden: Set<string>, now: string, before: string): number | null {
  const n = ledger.value(now);
  const previous = ledger.value(before);
  if (previous <= 0 || hidden.has(now) || hidden.has(before)) return null;
  return Math.round(((n - previous) / previous) * 100);
}

export function renderTable(t: DraftTable, ledger: Ledger, hidden: Set<string>, locale: Locale): ReportTable {
  const { show } = shower(ledger, hidden, locale);
  const value = (v: DraftValue): number | string => {
    if (typeof v === 'string') return v;
    if ('q' in v) return show(v.q);
    return changeOf(ledger, hidden, v.change[0], v.change[1]) ?? '–';
  };
  let rows = t.rows.map((r) => ({ key: r.key, label: r.label, values: r.values.map(value) }));
  if (t.sortByValue) {
    // Order by what is published only, so a hidden row's place tells nothing about its size.
    const rank = (v: number | string) => (typeof v === 'number' ? v : -1);
    rows = rows.map((r, i) => ({ r, i })).sort((a, b) => rank(b.r.values[0]) - rank(a.r.values[0]) || a.i - b.i).map((x) => x.r);
  }
  const note = t.note?.((id) => formatNumber(show(id), locale));
  return { id: t.id, title: t.title, columns: t.columns, rows, ...(note ? { note } : {}) };
}
