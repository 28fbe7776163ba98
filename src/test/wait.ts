// Waiting in tests on a shared 2-core machine, where other test files, other sessions and
// benchmarks may slow every step down tenfold. A test waits for a condition, never for a fixed
// time, so a quiet machine does not wait at all; and every deadline comes from one constant, so
// a busy machine slows a test down without failing it.

/**
 * The longest one step a test waits for may take: a process that migrates a database, a server
 * coming up, a page settling. Measured on this machine with two busy loops running beside the
 * other sessions (load average 12 to 16): a CLI run that migrates a fresh database up to 45 s.
 */
export const PATIENCE_MS = 120_000;

/**
 * The timeout of a test that starts processes (a server, the CLI, a lock contender) or waits for
 * several such steps one after another: the slowest measured under that load, five CLI runs, took
 * 201 s. Each step has its own PATIENCE_MS deadline, which names what hung, so this generous sum
 * only ends a test that is slow throughout, and costs nothing while the tests pass.
 */
export const PROCESS_TEST_MS = 5 * PATIENCE_MS;

export interface WaitOptions {
  /** What is awaited, for the error: "the server to answer /healthz". */
  what: string;
  /** Give up after this long (default PATIENCE_MS). */
  timeoutMs?: number;
  /** How often to look (default 100 ms): short, so a quiet machine hardly waits past the moment. */
  intervalMs?: number;
}

/**
 * Resolves with the condition's first value that is neither undefined, null nor false, checking
 * every `intervalMs`; rejects once `timeoutMs` has passed without one. An error the condition
 * throws ends the wait at once (a process that died will not come up): a condition that may fail
 * while it is not yet true (a refused connection) catches that itself.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, { what, timeoutMs = PATIENCE_MS, intervalMs = 100 }: WaitOptions): Promise<Exclude<T, undefined | null | false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== null && value !== false) return value as Exclude<T, undefined | null | false>;
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}, in vain`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * A fixed pause, only where the passing of time is what a test is about (an idle limit, a cache
 * lifetime): waiting for the outcome instead would prove nothing, or would itself be activity.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * How long a node trusts a session it has cached (decision 0005: a change made elsewhere, such as
 * a logout or a deactivation, takes effect everywhere within 2 s).
 */
const SESSION_CACHE_MS = 2000;

/** Lets a node's session cache run out: the 2 s a change made elsewhere may take, and a little more. */
export function outlastSessionCache(): Promise<void> {
  return sleep(SESSION_CACHE_MS + 100);
}
