import { createRequire } from 'node:module';
import * as echarts from 'echarts';
import { feature } from 'topojson-client';
import type { ReportTable } from '../../shared/schemas/stats.js';
import type { Locale } from '../../shared/enums.js';
import { formatNumber } from '../../shared/i18n/report-labels.js';
import { numericCode } from './countries.js';

const require = createRequire(import.meta.url);
const PALETTE = ['#1e5aa8', '#c8102e', '#2e7d32', '#8a5a00', '#6a1b9a', '#00838f', '#5d4037', '#546e7a'];

// The world map is registered once: region names are ISO numeric codes, as in world-atlas.
let mapReady = false;
function ensureWorldMap() {
  if (mapReady) return;
  const topology = require('world-atlas/countries-110m.json');
  const geo = feature(topology, topology.objects.countries) as unknown as { features: { id?: string; properties: Record<string, unknown> }[] };
  // Antarctica (010) stretches across the whole projection and never has anyone to count.
  geo.features = geo.features.filter((f) => f.id !== '010');
  for (const f of geo.features) unwrapAntimeridian((f as unknown as { geometry: { coordinates: unknown } }).geometry.coordinates);
  for (const f of geo.features) f.properties = { ...f.properties, name: String(f.id ?? '') };
  echarts.registerMap('world', geo as never);
  mapReady = true;
}

/**
 * Rings that cross 180° (Russia, Fiji, Alaska) jump from +180 to −180 and draw as a band across
 * the map; shifting their western points by 360° keeps each ring in one piece.
 */
function unwrapAntimeridian(coords: unknown): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0]?.[0] === 'number') {
    const ring = coords as number[][];
    if (ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)) for (const p of ring) if (p[0] < 0) p[0] += 360;
    return;
  }
  for (const c of coords) unwrapAntimeridian(c);
}

/** A suppressed cell ("<5") is drawn as nothing, so a chart never reveals what the table hides. */
const num = (v: number | string) => (typeof v === 'number' ? v : null);
const bodyRows = (t: ReportTable) => t.rows.filter((r) => r.key !== 'total');

function render(option: echarts.EChartsOption, width: number, height: number, locale: Locale): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const fmt = (v: unknown) => formatNumber(typeof v === 'object' && v !== null && 'value' in v ? Number((v as { value: unknown }).value) : Number(v), locale);
  // Numbers on axes and bars as the reader writes them (16 179, not 16179).
  const withFormat = (axis: unknown) => (axis && (axis as { type?: string }).type === 'value' ? { ...(axis as object), axisLabel: { formatter: fmt } } : axis);
  const series = ((option.series ?? []) as Record<string, unknown>[]).map((s) => (s.label ? { ...s, label: { ...(s.label as object), formatter: fmt } } : s));
  chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'Inter, Arial, sans-serif', fontSize: 12 }, ...option, xAxis: withFormat(option.xAxis), yAxis: withFormat(option.yAxis), series } as echarts.EChartsOption);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function horizontalBars(t: ReportTable, locale: Locale): string {
  const rows = bodyRows(t).slice().reverse();
  return render({
    grid: { left: 8, right: 48, top: t.id === 'kind' ? 32 : 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { width: 220, overflow: 'truncate' } },
    series: t.columns.slice(0, t.id === 'kind' ? 2 : 1).map((name, i) => ({ type: 'bar', name, data: rows.map((r) => num(r.values[i])), label: { show: true, position: 'right' } })),
    legend: t.id === 'kind' ? { top: 0 } : undefined,
  }, 640, Math.max(140, (t.id === 'kind' ? 48 : 28) * rows.length + 40), locale);
}

function monthBars(t: ReportTable, locale: Locale): string {
  return render({
    grid: { left: 8, right: 8, top: 30, bottom: 8, containLabel: true },
    legend: { top: 0 },
    xAxis: { type: 'category', data: t.rows.map((r) => r.label.slice(0, 3)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: t.columns.map((name, i) => ({ type: 'bar', name, data: t.rows.map((r) => num(r.values[i])) })),
  }, 640, 300, locale);
}

/** Every kind stacked per month or channel (the last column, all kinds, is the stack's height). */
function stackedKinds(t: ReportTable, locale: Locale, horizontal: boolean): string {
  const rows = bodyRows(t);
  const kinds = t.columns.slice(0, -1);
  const categories = { type: 'category' as const, data: rows.map((r) => (horizontal ? r.label : r.label.slice(0, 3))) };
  const values = { type: 'value' as const, minInterval: 1 };
  return render({
    grid: { left: 8, right: 8, top: 30, bottom: 8, containLabel: true },
    legend: { top: 0 },
    xAxis: horizontal ? values : categories,
    yAxis: horizontal ? { ...categories, inverse: true } : values,
    series: kinds.map((name, i) => ({ type: 'bar', stack: 'kind', name, data: rows.map((r) => num(r.values[i])) })),
  }, 640, horizontal ? Math.max(160, 32 * rows.length + 60) : 300, locale);
}

function stackedAgeGender(t: ReportTable, locale: Locale): string {
  const rows = bodyRows(t);
  const genders = t.columns.slice(0, -1);
  return render({
    grid: { left: 8, right: 8, top: 30, bottom: 8, containLabel: true },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: genders.map((name, i) => ({ type: 'bar', stack: 'gender', name, data: rows.map((r) => num(r.values[i])) })),
  }, 640, 300, locale);
}

function worldMap(t: ReportTable, locale: Locale): string {
  ensureWorldMap();
  const data = t.rows
    .filter((r) => /^[A-Z]{2}$/.test(r.key))
    .map((r) => ({ name: numericCode(r.key) ?? r.key, value: num(r.values[0]) }))
    .filter((d) => d.value !== null);
  const max = Math.max(1, ...data.map((d) => d.value as number));
  return render({
    visualMap: { min: 0, max, left: 8, bottom: 8, inRange: { color: ['#dbe7f5', '#1e5aa8'] }, calculable: false, text: [formatNumber(max, locale), '0'] },
    series: [{ type: 'map', map: 'world', roam: false, data, itemStyle: { areaColor: '#f2f2f2', borderColor: '#9e9e9e', borderWidth: 0.3 }, emphasis: { disabled: true } }] as never,
  }, 640, 340, locale);
}

// Rendering costs 5–30 ms a chart; the same table (same numbers and labels) gives the same chart.
const cache = new Map<string, string | undefined>();
const CACHE_MAX = 500;

/** The chart of a report table, as SVG markup. */
export function chartFor(t: ReportTable, locale: Locale): string | undefined {
  const key = JSON.stringify([locale, t.id, t.title, t.columns, t.rows]);
  if (cache.has(key)) return cache.get(key);
  const svg = renderChart(t, locale);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, svg);
  return svg;
}

function renderChart(t: ReportTable, locale: Locale): string | undefined {
  switch (t.id) {
    case 'month':
      return monthBars(t, locale);
    case 'age_gender':
      return stackedAgeGender(t, locale);
    case 'month_all':
      return stackedKinds(t, locale, false);
    case 'channel_all':
      return stackedKinds(t, locale, true);
    case 'country':
      return worldMap(t, locale);
    default:
      return bodyRows(t).length ? horizontalBars(t, locale) : undefined;
  }
}
