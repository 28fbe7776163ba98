import { useEffect, useState } from 'react';
import type { Locale } from '../../../../src/shared/enums.js';
import type { Chart } from '../../../../src/shared/charts/chart-for.js';
import type { ReportTable } from './api.js';

/**
 * A report table's chart, drawn here in the browser from the table's numbers with the same chart
 * code the printable report uses (decision 0026): the server sends numbers only. The chart code
 * (ECharts) is loaded with the first chart, and each chart is drawn in its own task after the
 * table has shown, so the page answers keys while the charts are drawn. Undefined until drawn.
 */
export function useChart(table: ReportTable, locale: Locale): Chart | undefined {
  const [chart, setChart] = useState<{ of: ReportTable; locale: Locale; chart: Chart }>();
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void import('../../../../src/shared/charts/chart-for.js').then(({ chartFor }) => {
        if (current) setChart({ of: table, locale, chart: chartFor(table, locale) });
      });
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [table, locale]);
  // A chart of other numbers (a new year, view or language) is never shown beside this table.
  return chart && chart.of === table && chart.locale === locale ? chart.chart : undefined;
}
