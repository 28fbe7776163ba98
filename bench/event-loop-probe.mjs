// Loaded into each node of the full-shift bench (`node --import ./bench/event-loop-probe.mjs`):
// measures how long the node's event loop is held (perf_hooks' event-loop delay, 10 ms
// resolution). On SIGUSR2 it writes what it measured since the previous SIGUSR2 to
// $BENCH_EVENT_LOOP_FILE.<pid> and starts measuring afresh, so the bench reads exactly its window.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = `${process.env.BENCH_EVENT_LOOP_FILE ?? '/tmp/bb-event-loop'}.${process.pid}`;
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
process.on('SIGUSR2', () => {
  const ms = (ns) => ns / 1e6;
  fs.writeFileSync(file, JSON.stringify({ p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean) }));
  histogram.reset();
});
