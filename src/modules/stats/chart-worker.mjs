// A worker thread that draws report charts (decision 0026). It runs the TypeScript chart code
// through tsx, like bin/brobygger.js, so neither the server nor the tests need a build step.
import { threadId } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { chartFor } = await import('../../shared/charts/chart-for.ts');

/** Draws each table's chart; says which thread drew them, so a test can tell it was not the server's. */
export default function drawCharts({ tables, locale }) {
  return { threadId, charts: tables.map((table) => chartFor(table, locale)) };
}
