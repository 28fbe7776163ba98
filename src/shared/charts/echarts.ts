/**
 * ECharts with only what the report's charts use (bars, the world map, legend, title, grid,
 * visual map, the SVG renderer): the browser loads a third of the full library, and the server
 * draws with the very same parts.
 */
import * as echarts from 'echarts/core';
import { BarChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
// `grid.containLabel` keeps long category labels inside the drawing; ECharts 6 made it optional.
import { LegacyGridContainLabel } from 'echarts/features';

import { DEFAULT_TEXT_WIDTH_MAP } from 'zrender/lib/core/platform.js';

echarts.use([BarChart, MapChart, GridComponent, LegendComponent, TitleComponent, VisualMapComponent, SVGRenderer, LegacyGridContainLabel]);

/**
 * Text is measured by one table of Arial's widths everywhere, as ECharts does on a server with no
 * canvas: a browser would measure with whatever font it has, wrap labels elsewhere, and the
 * dashboard's chart would no longer be the printed one. The browser still sets the text itself.
 */
echarts.setPlatformAPI({
  measureText: (text = '', font = '12px sans-serif') => {
    const fontSize = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
    let width = 0;
    for (let i = 0; i < text.length; i++) width += (DEFAULT_TEXT_WIDTH_MAP[text[i]] ?? 1) * fontSize;
    return { width } as TextMetrics;
  },
});

export { echarts };
