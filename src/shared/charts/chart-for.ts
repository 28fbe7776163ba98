import type { BarSeriesOption } from 'echarts/charts';
import type { ReportTable } from '../schemas/stats.js';
import type { Locale } from '../enums.js';
import { fill, formatNumber } from '../i18n/report-labels.js';
import { CHART_WORDS } from './words.js';
import { legendHeight, lineHeight, textWidth, wrapLines } from './text.js';
import { drawable, isHidden } from './hidden.js';
import { worldMap } from './world-map.js';
import { type Layout, NARROW, WIDE, render } from './render.js';

/** A table's chart: SVG markup with both drawings, or one sentence saying why there is none. */
export interface Chart {
  svg?: string;
  text?: string;
}

interface Row {
  label: string;
  values: (number | null)[];
}

const bodyRows = (t: ReportTable) => t.rows.filter((r) => r.key !== 'total');

/** The value columns a table's chart draws: this and last year of kinds, each gender, else the first. */
function drawnColumns(t: ReportTable): number[] {
  const all = t.rows[0]?.values.map((_, i) => i) ?? [];
  if (t.id === 'kind') return [0, 1];
  if (t.id === 'month') return all;
  if (t.id === 'age_gender') return all.slice(0, -1); // the last column is the row total
  // Every kind, stacked: the last column (all kinds) is the stack's height, not a bar of its own.
  if (t.id === 'month_all' || t.id === 'channel_all') return all.slice(0, -1);
  // The follow-up report's tables by user group or category: stacked the same way.
  if (t.id === 'activities' || t.id === 'activities_month' || t.id === 'activities_month_category') return all.slice(0, -1);
  // Referrals, mail and meetings per user group: three measures side by side, not a stack.
  if (t.id === 'other') return all;
  return [0];
}

/** Rows on the world map: countries only (not "other", "not stated" or "not asked"). */
const mapRows = (t: ReportTable) => t.rows.filter((r) => /^[A-Z]{2}$/.test(r.key));

const legend = (names: string[], layout: Layout) =>
  names.length > 1 ? { top: 0, left: 'center', width: layout.width - 16, textStyle: { fontSize: layout.fontSize } } : undefined;

/**
 * Bars along the width, one row per category. Used for every list, and on a phone for months and
 * age groups too: rows grow downwards, never past the edge. Wide, each label is wrapped beside its
 * bars; on a phone it stands above them across the whole width, so long labels need few lines.
 */
function horizontalBars(rows: Row[], series: string[], layout: Layout, locale: Locale, opts: { stacked?: boolean; caption?: string } = {}): string {
  const stacked = opts.stacked ?? false;
  const f = layout.fontSize;
  const lh = lineHeight(f);
  const above = layout.name === 'narrow';
  const captionLines = opts.caption ? wrapLines(opts.caption, layout.width - 16, f) : [];
  // Stacked bars have no number at their end, so they keep the axis; other bars carry their value.
  const valueLabels = !stacked;
  const widest = Math.max(0, ...rows.flatMap((r) => r.values.map((v) => (v === null ? 0 : textWidth(formatNumber(v, locale), f)))));
  // Stacked bars keep the value axis instead: its last tick label is centred on the grid's right
  // edge, so half of it needs room there. The axis ends at a round number above the largest stack,
  // never more than twice it, so a number twice the largest stack is at least as wide as that label.
  const largestStack = Math.max(0, ...rows.map((r) => r.values.reduce<number>((a, v) => a + (v ?? 0), 0)));
  const right = valueLabels ? Math.ceil(widest) + 14 : Math.ceil(textWidth(formatNumber(largestStack * 2, locale), f) / 2) + 12;
  const labels = rows.map((r) => wrapLines(r.label, above ? layout.width - 24 : Math.round(layout.width * 0.32), f));
  const lines = Math.max(1, ...labels.map((l) => l.length));
  const bars = stacked ? 1 : series.length;
  const barHeight = above ? 12 : 14;
  const labelBlock = lines * lh;
  const band = above ? labelBlock + bars * (barHeight + 2) + 12 : Math.max(bars * (barHeight + 2) + 10, labelBlock + 8);
  const captionHeight = captionLines.length ? captionLines.length * lh + 8 : 0;
  const top = captionHeight + (series.length > 1 ? legendHeight(series, layout.width - 16, f) : 0) + 4;
  const showAxis = stacked || !above;
  const height = top + rows.length * band + (showAxis ? lh + 12 : 4) + 8;
  const bar = (name: string, i: number): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: stacked ? 'all' : undefined,
    barWidth: barHeight,
    data: rows.map((r) => r.values[i]),
    label: valueLabels ? { show: true, position: 'right' } : undefined,
  });
  // Above the bars, a label is carried by a bar of no length as tall as the label, laid out in
  // each row before the real bars: it is there even when every value of its row is hidden.
  const labelCarrier: BarSeriesOption = {
    type: 'bar',
    name: '',
    barWidth: labelBlock,
    silent: true,
    itemStyle: { color: 'transparent' },
    data: rows.map(() => 0),
    label: { show: true, position: 'insideBottomLeft', distance: 3, color: '#333', lineHeight: lh, formatter: (p) => labels[p.dataIndex].join('\n') },
  };
  return render({
    title: captionLines.length
      ? { text: captionLines.join('\n'), left: 8, top: 0, textStyle: { fontSize: f, fontWeight: 'normal', color: '#333', lineHeight: lh } }
      : undefined,
    legend: series.length > 1 ? { ...legend(series, layout), top: captionHeight, data: series } : undefined,
    grid: { left: 8, right, top, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitNumber: above ? 3 : 5, axisLabel: { show: showAxis } },
    yAxis: {
      type: 'category', inverse: true, data: labels.map((l) => l.join('\n')), axisTick: { show: false },
      axisLabel: above ? { show: false } : { interval: 0, lineHeight: lh },
    },
    barGap: '15%',
    series: [...(above ? [labelCarrier] : []), ...series.map(bar)],
  }, layout, height, locale);
}

/** Upright bars over a category axis (months, age groups), labels wrapped to their column. */
function columns(rows: Row[], series: string[], layout: Layout, locale: Locale, stacked: boolean): string {
  const f = layout.fontSize;
  const lh = lineHeight(f);
  const slot = (layout.width - 70) / Math.max(1, rows.length);
  const labels = rows.map((r) => wrapLines(r.label, slot - 6, f));
  const lines = Math.max(1, ...labels.map((l) => l.length));
  const top = legendHeight(series, layout.width - 16, f) + 4;
  return render({
    legend: legend(series, layout),
    grid: { left: 8, right: 8, top, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels.map((l) => l.join('\n')), axisLabel: { interval: 0, lineHeight: lh } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((name, i) => ({ type: 'bar', name, stack: stacked ? 'all' : undefined, data: rows.map((r) => r.values[i]) })),
  }, layout, top + 230 + lines * lh, locale);
}

/** Month abbreviations as the locale writes them (jan., feb., Sept): short, but not cut. */
function monthShort(key: string, label: string, locale: Locale): string {
  const month = Number(key);
  if (!Number.isInteger(month) || month < 1 || month > 12) return label;
  const tag = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' }[locale];
  return new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

function draw(t: ReportTable, layout: Layout, locale: Locale): string {
  const cols = drawnColumns(t);
  const rowsOf = (label: (r: ReportTable['rows'][number]) => string) =>
    bodyRows(t).map((r) => ({ label: label(r), values: cols.map((i) => drawable(r.values[i])) }));
  const series = cols.map((i) => t.columns[i]);
  const narrow = layout.name === 'narrow';
  switch (t.id) {
    case 'country':
      return worldMap(mapRows(t).map((r) => ({ code: r.key, value: drawable(r.values[0]) })), layout, locale);
    case 'month':
      return narrow ? horizontalBars(rowsOf((r) => r.label), series, layout, locale) : columns(rowsOf((r) => monthShort(r.key, r.label, locale)), series, layout, locale, false);
    case 'age_gender':
      return narrow ? horizontalBars(rowsOf((r) => r.label), series, layout, locale, { stacked: true }) : columns(rowsOf((r) => r.label), series, layout, locale, true);
    case 'month_all':
    case 'activities_month':
    case 'activities_month_category':
      return narrow ? horizontalBars(rowsOf((r) => r.label), series, layout, locale, { stacked: true }) : columns(rowsOf((r) => monthShort(r.key, r.label, locale)), series, layout, locale, true);
    case 'channel_all':
    case 'activities':
      return horizontalBars(rowsOf((r) => r.label), series, layout, locale, { stacked: true });
    default: {
      const { rows, caption } = largest(rowsOf((r) => r.label), locale);
      return horizontalBars(rows, series, layout, locale, { caption });
    }
  }
}

/**
 * At most MAX_BARS bars: a longer list (95 subthemes) would be a chart taller than a printed page
 * and no easier to read than its table. Then the largest are drawn, largest first, and the chart
 * says so; the table beside it has them all. Hidden values count as smallest, so which are left
 * out tells nothing about them.
 */
const MAX_BARS = 20;
function largest(rows: Row[], locale: Locale): { rows: Row[]; caption?: string } {
  if (rows.length <= MAX_BARS) return { rows };
  const top = rows.slice().sort((a, b) => (b.values[0] ?? -1) - (a.values[0] ?? -1)).slice(0, MAX_BARS);
  return { rows: top, caption: fill(CHART_WORDS[locale].largest, { n: MAX_BARS, total: rows.length }) };
}

/**
 * Why a table gets a sentence instead of a chart, if it does: every value it would draw is
 * hidden (bare axes would say nothing, or worse, look like zeros), or nothing was counted.
 */
function noChartReason(t: ReportTable): 'allHidden' | 'nothingCounted' | undefined {
  const values = t.id === 'country' ? mapRows(t).map((r) => r.values[0]) : bodyRows(t).flatMap((r) => drawnColumns(t).map((i) => r.values[i]));
  if (values.some((v) => !isHidden(v) && v !== 0)) return undefined;
  // Nothing to draw. Counted but hidden (a map's countries folded into "other countries" in the
  // published view count as hidden too), or really nothing counted?
  const anyCounted = bodyRows(t).some((r) => r.values.some((v) => isHidden(v) || (typeof v === 'number' && v > 0)));
  return values.some(isHidden) || anyCounted ? 'allHidden' : 'nothingCounted';
}

/**
 * The chart of a report table: both drawings as SVG markup, or the sentence that stands in for it.
 * The browser draws the dashboard's charts with this (decision 0026); the server draws the
 * printable report's with it in a worker thread (src/modules/stats/chart-pool.ts).
 */
export function chartFor(t: ReportTable, locale: Locale): Chart {
  const reason = noChartReason(t);
  return reason ? { text: CHART_WORDS[locale][reason] } : { svg: draw(t, WIDE, locale) + draw(t, NARROW, locale) };
}
