import { describe, expect, it } from 'vitest';
import { StepQueue } from './step-queue.js';

/** A step that ends when the test says so, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  let fail!: (err: Error) => void;
  const done = new Promise<void>((resolve, reject) => { open = resolve; fail = reject; });
  return { step: async () => { log.push(`start ${name}`); await done; log.push(`end ${name}`); }, open, fail };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the steps of an import', () => {
  it('run two at a time, and checking waits only when a third is already waiting', async () => {
    const log: string[] = [];
    const q = new StepQueue(2, 1);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => gate(log, n));
    expect(q.add(a.step)).toBeUndefined();
    expect(q.add(b.step)).toBeUndefined();
    const full = q.add(c.step);
    expect(full).toBeInstanceOf(Promise);
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    let roomAgain = false;
    void full!.then(() => { roomAgain = true; });
    await tick();
    expect(roomAgain).toBe(false);
    a.open();
    await tick();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end a', 'start c']);
    expect(roomAgain).toBe(true);
    expect(q.add(d.step)).toBeInstanceOf(Promise);
    for (const g of [b, c, d]) g.open();
    await q.drain();
    expect(log.filter((l) => l.startsWith('end')).sort()).toEqual(['end a', 'end b', 'end c', 'end d']);
  });

  it('stop at the first failure: nothing waiting starts, and the error reaches the checker and the end', async () => {
    const log: string[] = [];
    const q = new StepQueue(1, 1);
    const [a, b] = ['a', 'b'].map((n) => gate(log, n));
    q.add(a.step);
    const waiting = q.add(b.step);
    a.fail(new Error('disk full'));
    await expect(waiting).rejects.toThrow('disk full');
    await expect(q.drain()).rejects.toThrow('disk full');
    expect(log).toEqual(['start a']);
    expect(q.failed).toBe(true);
    await expect(q.add(async () => { log.push('late'); })).rejects.toThrow('disk full');
    expect(log).toEqual(['start a']);
  });
});
