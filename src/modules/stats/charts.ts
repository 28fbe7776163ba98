import { createRequire } from 'node:module';
import * as echarts from 'echarts';
import { feature } from 'topojson-client';
import type { ReportTable } from '../../shared/schemas/stats.js';
import { numericCode } from './countries.js';

const require = createRequire(import.meta.url);
const PALETTE = ['#1e5aa8', '#c8102e', '#2e7d32', '#8a5a00', '#6a1b9a', '#00838f', '#5d4037', '#546e7a'];

// The world map is registered once: region names are ISO numeric codes, as in world-atlas.
let mapReady = false;
function ensureWorldMap() {
  if (mapReady) return;
  const topology = require('world-atlas/countries-110m.json');
  const geo = feature(topology, topology.objects.countries) as unknown as { features: { id?: string; properties: Record<string, unknown> }[] };
  for (const f of geo.features) f.properties = { ...f.properties, name: String(f.id ?? '') };
  echarts.registerMap('world', geo as never);
  mapReady = true;
}

/** A suppressed cell ("<5") is drawn as nothing, so a chart never reveals what the table hides. */
const num = (v: number | string) => (typeof v === 'number' ? v : null);
const bodyRows = (t: ReportTable) => t.rows.filter((r) => r.key !== 'total');

function render(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'Inter, Arial, sans-serif', fontSize: 12 }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function horizontalBars(t: ReportTable): string {
  const rows = bodyRows(t).slice().reverse();
  return render({
    grid: { left: 8, right: 48, top: t.id === 'kind' ? 32 : 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { width: 220, overflow: 'truncate' } },
    series: t.columns.slice(0, t.id === 'kind' ? 2 : 1).map((name, i) => ({ type: 'bar', name, data: rows.map((r) => num(r.values[i])), label: { show: true, position: 'right' } })),
    legend: t.id === 'kind' ? { top: 0 } : undefined,
  }, 640, Math.max(140, 28 * rows.length + 40));
}

function monthBars(t: ReportTable): string {
  return render({
    grid: { left: 8, right: 8, top: 30, bottom: 8, containLabel: true },
    legend: { top: 0 },
    xAxis: { type: 'category', data: t.rows.map((r) => r.label.slice(0, 3)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: t.columns.map((name, i) => ({ type: 'bar', name, data: t.rows.map((r) => num(r.values[i])) })),
  }, 640, 300);
}

function stackedAgeGender(t: ReportTable): string {
  const rows = bodyRows(t);
  const genders = t.columns.slice(0, -1);
  return render({
    grid: { left: 8, right: 8, top: 30, bottom: 8, containLabel: true },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: genders.map((name, i) => ({ type: 'bar', stack: 'gender', name, data: rows.map((r) => num(r.values[i])) })),
  }, 640, 300);
}

function worldMap(t: ReportTable): string {
  ensureWorldMap();
  const data = t.rows
    .filter((r) => /^[A-Z]{2}$/.test(r.key))
    .map((r) => ({ name: numericCode(r.key) ?? r.key, value: num(r.values[0]) }))
    .filter((d) => d.value !== null);
  const max = Math.max(1, ...data.map((d) => d.value as number));
  return render({
    visualMap: { min: 0, max, left: 8, bottom: 8, inRange: { color: ['#dbe7f5', '#1e5aa8'] }, calculable: false, text: [String(max), '0'] },
    series: [{ type: 'map', map: 'world', roam: false, data, itemStyle: { areaColor: '#f2f2f2', borderColor: '#9e9e9e', borderWidth: 0.3 }, emphasis: { disabled: true } }] as never,
  }, 640, 340);
}

// Rendering costs 5–30 ms a chart; the same table (same numbers and labels) gives the same chart.
const cache = new Map<string, string | undefined>();
const CACHE_MAX = 500;

/** The chart of a report table, as SVG markup. */
export function chartFor(t: ReportTable): string | undefined {
  const key = JSON.stringify([t.id, t.title, t.columns, t.rows]);
  if (cache.has(key)) return cache.get(key);
  const svg = renderChart(t);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, svg);
  return svg;
}

function renderChart(t: ReportTable): string | undefined {
  switch (t.id) {
    case 'month':
      return monthBars(t);
    case 'age_gender':
      return stackedAgeGender(t);
    case 'country':
      return worldMap(t);
    default:
      return bodyRows(t).length ? horizontalBars(t) : undefined;
  }
}
