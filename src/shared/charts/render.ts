import type { EChartsOption } from 'echarts';
import { echarts } from './echarts.js';
import type { Locale } from '../enums.js';
import { formatNumber } from '../i18n/report-labels.js';
import { FONT_FAMILY } from './text.js';

const PALETTE = ['#1e5aa8', '#c8102e', '#2e7d32', '#8a5a00', '#6a1b9a', '#00838f', '#5d4037', '#546e7a'];

/**
 * Each chart is drawn twice: for a wide column (screen and A4 print) and for a phone. The page
 * scales the drawing to its column's width and shows the one that fits, so text keeps about the
 * size it was drawn at instead of shrinking with the column (a 640 px drawing on a 390 px phone
 * had 6 px text).
 */
export interface Layout {
  name: 'wide' | 'narrow';
  width: number;
  fontSize: number;
}
export const WIDE: Layout = { name: 'wide', width: 720, fontSize: 12 };
export const NARROW: Layout = { name: 'narrow', width: 340, fontSize: 13 };

/** One ECharts drawing as SVG markup, marked with its layout's class (`chart-wide`, `chart-narrow`). */
export function render(option: EChartsOption, layout: Layout, height: number, locale: Locale): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: layout.width, height });
  const fmt = (v: unknown) => formatNumber(typeof v === 'object' && v !== null && 'value' in v ? Number((v as { value: unknown }).value) : Number(v), locale);
  // Numbers on axes and bars as the reader writes them (16 179, not 16179).
  const withFormat = (axis: unknown) =>
    axis && (axis as { type?: string }).type === 'value' ? { ...(axis as object), axisLabel: { formatter: fmt, ...(axis as { axisLabel?: object }).axisLabel } } : axis;
  const series = ((option.series ?? []) as Record<string, unknown>[]).map((s) => (s.label ? { ...s, label: { formatter: fmt, ...(s.label as object) } } : s));
  chart.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: layout.fontSize },
    ...option,
    xAxis: withFormat(option.xAxis),
    yAxis: withFormat(option.yAxis),
    series,
  } as EChartsOption);
  const svg = chart.renderToSVGString();
  chart.dispose();
  // Hydration metadata and animation classes are of no use to a static drawing: about a tenth of its size.
  const lean = svg.replace(/ (?:ecmeta_[a-z_]+|class)="[^"]*"/g, '').replace(/ pointer-events="visible"/g, '');
  return lean.replace(/^<svg /, `<svg class="chart-${layout.name}" `);
}

/**
 * Outlines with whole-pixel points, a line to the point already reached left out: on a map the
 * size of a phone a tenth of a pixel is never seen, and the drawing is a third smaller.
 */
export function roundPaths(svg: string): string {
  return svg.replace(/ d="([^"]*)"/g, (_, d: string) => {
    let last = '';
    const steps = d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n)))).match(/[A-Za-z][^A-Za-z]*/g) ?? [];
    const kept = steps.filter((step) => {
      const same = step[0] === 'L' && step.slice(1) === last;
      if (/^[ML]/.test(step)) last = step.slice(1);
      return !same;
    });
    return ` d="${kept.join('')}"`;
  });
}
