/**
 * Long work on the request thread (checking and loading an import) goes in slices of at most a
 * few milliseconds, with waiting requests let in between. Counting rows was not enough: rows cost
 * more or less depending on their contents and on how busy the machine is, and under a full
 * shift with an import running the event loop was held up to 140 ms (bench, issue 8).
 */
export const SLICE_MS = 5;

/** Lets requests that are waiting run before going on (setImmediate: after pending I/O). */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `due()` says when the current slice is used up; `next()` lets others in and starts the next one. */
export function timeSlices(budgetMs = SLICE_MS) {
  let started = performance.now();
  return {
    due: () => performance.now() - started >= budgetMs,
    next: async () => {
      await yieldToOthers();
      started = performance.now();
    },
  };
}
