/**
 * Runs an import's load steps while the file is still being checked: up to `parallel` steps at
 * once, each on its own connection, and at most `ahead` checked chunks waiting for a free slot,
 * so memory stays flat. On PostgreSQL two steps at once keep the server busy while one of them
 * waits for Node to send its rows (decision 0011); PGlite has one connection, so one at a time.
 */
export class StepQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly all = new Set<Promise<void>>();
  private error: { err: unknown } | null = null;
  /** Resolves whenever a step ends: how `add` and `drain` learn that there is room again. */
  private ended: Array<() => void> = [];

  constructor(private readonly parallel: number, private readonly ahead: number) {}

  /** True once a step has failed: later steps are not started. */
  get failed(): boolean {
    return this.error !== null;
  }

  /**
   * Queues a step. Returns a promise when the caller should wait before checking more rows (the
   * queue is full), undefined otherwise; the promise rejects with the first step's error.
   */
  add(step: () => Promise<void>): Promise<void> | undefined {
    if (this.error) return Promise.reject(this.error.err);
    const run = new Promise<void>((resolve) => this.waiting.push(resolve)).then(async () => {
      if (this.error) return; // an earlier step failed: this one never starts
      await step();
    });
    const tracked = run.catch((err: unknown) => { this.error ??= { err }; }).finally(() => {
      this.running--;
      this.all.delete(tracked);
      this.startWaiting();
      for (const wake of this.ended.splice(0)) wake();
    });
    this.all.add(tracked);
    this.startWaiting();
    return this.waiting.length >= this.ahead ? this.room() : undefined;
  }

  /** Waits for every queued step; throws the first error if one failed. */
  async drain(): Promise<void> {
    while (this.all.size) await Promise.all(this.all);
    if (this.error) throw this.error.err;
  }

  private startWaiting() {
    while (this.running < this.parallel && this.waiting.length) {
      this.running++;
      this.waiting.shift()!();
    }
  }

  private async room(): Promise<void> {
    while (this.waiting.length >= this.ahead && !this.error) await new Promise<void>((wake) => this.ended.push(wake));
    if (this.error) throw this.error.err;
  }
}
