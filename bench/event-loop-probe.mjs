// Loaded into each node of the full-shift bench (`node --import ./bench/event-loop-probe.mjs`):
// measures how long the node's event loop is held (perf_hooks' event-loop delay, sampled every
// 10 ms; the histogram counts the sampling interval itself, so an idle loop reads 10 ms: it is
// subtracted here, and the figures are the delay beyond it). On SIGUSR2 it writes what it measured since the previous SIGUSR2 to
// $BENCH_EVENT_LOOP_FILE.<pid> and starts measuring afresh, so the bench reads exactly its window.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = `${process.env.BENCH_EVENT_LOOP_FILE ?? '/tmp/bb-event-loop'}.${process.pid}`;
const RESOLUTION_MS = 10;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();
process.on('SIGUSR2', () => {
  const ms = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  fs.writeFileSync(file, JSON.stringify({ p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean) }));
  histogram.reset();
});
