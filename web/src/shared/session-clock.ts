/**
 * When the signed-in session ends, as the server last said (response headers), in this browser's
 * clock. Shared with the app's other tabs through a BroadcastChannel — a message, not storage — so
 * a user working in one tab is not warned in another.
 */
export interface SessionEnds {
  /** Epoch ms when the session ends unless used before then. */
  idleAt: number;
  /** Epoch ms when it ends whatever the user does. */
  absoluteAt: number;
  /** The server's idle timeout (its whole idle period). */
  idleMs: number;
}

type Listener = (ends: SessionEnds | null) => void;

let current: SessionEnds | null = null;
const listeners = new Set<Listener>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('brobygger-session');

function publish(ends: SessionEnds | null): void {
  current = ends;
  for (const listener of listeners) listener(ends);
}

channel?.addEventListener('message', (event: MessageEvent<SessionEnds | null>) => {
  // Another tab's later news only moves the end later (activity there keeps this tab alive too).
  if (!event.data || !current || event.data.idleAt > current.idleAt) publish(event.data);
});

export function sessionEnds(): SessionEnds | null {
  return current;
}

export function onSessionEnds(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Reads `x-session-idle-seconds` / `x-session-absolute-seconds` from a response, if present. */
export function noteSessionHeaders(headers: Headers): void {
  const idle = headers.get('x-session-idle-seconds');
  const absolute = headers.get('x-session-absolute-seconds');
  const timeout = headers.get('x-session-idle-timeout-seconds');
  if (idle === null || absolute === null) return;
  const now = Date.now();
  const idleMs = Number(timeout ?? idle) * 1000;
  const ends = { idleAt: now + Number(idle) * 1000, absoluteAt: now + Number(absolute) * 1000, idleMs };
  publish(ends);
  channel?.postMessage(ends);
}

/** After signing out: nothing to warn about. */
export function clearSessionEnds(): void {
  publish(null);
  channel?.postMessage(null);
}
