import { echarts } from './echarts.js';
import { feature } from 'topojson-client';
import type { Locale } from '../enums.js';
import { formatNumber } from '../i18n/report-labels.js';
import { type Layout, render, roundPaths } from './render.js';
import { numericCode } from './country-codes.js';
// Bundled with the charts: the same outlines on the server (print) and in the browser (screen).
import topology from 'world-atlas/countries-110m.json' with { type: 'json' };

// The world map is registered once: region names are ISO numeric codes, as in world-atlas.
let mapReady = false;
function ensureWorldMap() {
  if (mapReady) return;
  const geo = feature(topology as never, topology.objects.countries as never) as unknown as { features: { id?: string; properties: Record<string, unknown> }[] };
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

/** Countries shaded by count; a hidden count (null) is left uncoloured, like a country with none. */
export function worldMap(countries: { code: string; value: number | null }[], layout: Layout, locale: Locale): string {
  ensureWorldMap();
  const data = countries.filter((c) => c.value !== null).map((c) => ({ name: numericCode(c.code) ?? c.code, value: c.value }));
  const max = Math.max(1, ...data.map((d) => d.value as number));
  const narrow = layout.name === 'narrow';
  const height = Math.round(layout.width * 0.52) + (narrow ? 40 : 0);
  const svg = render({
    visualMap: {
      min: 0, max, left: 8, bottom: 8, orient: narrow ? 'horizontal' : 'vertical', itemWidth: 12, itemHeight: narrow ? 90 : 110,
      inRange: { color: ['#dbe7f5', '#1e5aa8'] }, calculable: false, text: [formatNumber(max, locale), '0'], textStyle: { fontSize: layout.fontSize },
    },
    series: [{
      type: 'map', map: 'world', roam: false, data, top: 8, bottom: narrow ? 48 : 8, left: narrow ? 8 : 60, right: 8,
      itemStyle: { areaColor: '#f2f2f2', borderColor: '#9e9e9e', borderWidth: 0.3 }, emphasis: { disabled: true },
    }] as never,
  }, layout, height, locale);
  return narrow ? roundPaths(svg) : svg;
}
