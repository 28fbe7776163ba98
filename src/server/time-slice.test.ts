import { describe, expect, it } from 'vitest';
import { timeSlices } from './time-slice.js';

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* working */ }
};

describe('time slices for long work on the request thread', () => {
  it('say a slice is used up only once its budget has passed, and start afresh after letting others in', async () => {
    const slices = timeSlices(20);
    expect(slices.due()).toBe(false);
    busyFor(25);
    expect(slices.due()).toBe(true);
    let othersRan = false;
    setImmediate(() => { othersRan = true; });
    await slices.next();
    expect(othersRan).toBe(true);
    expect(slices.due()).toBe(false);
  });
});
