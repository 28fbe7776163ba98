import { useEffect, useRef, useState } from 'react';
import { onSessionEnds, sessionEnds, type SessionEnds } from '../../shared/session-clock.js';

/** Warn this long before the session ends; with a short idle timeout, halfway through it. */
const WARN_BEFORE_MS = 2 * 60_000;
/** Ask the server only after the end has surely passed there too (whole seconds, clock steps). */
const CHECK_AFTER_MS = 3_000;

/**
 * The server ends an idle session only one last-seen write interval after the time it reports
 * (the server's auth service, idleLimitMs): asking earlier would be activity that keeps it alive.
 */
function serverGraceMs(idleMs: number): number {
  return Math.min(60_000, Math.floor(idleMs / 4));
}

export type ExpiryState =
  | { phase: 'active' }
  | { phase: 'warning'; remainingMs: number; extendable: boolean; endsAt: number }
  | { phase: 'ended' };

/** Where the session stands now, re-evaluated every second while one is known. */
export function useSessionExpiry(): ExpiryState {
  const [ends, setEnds] = useState<SessionEnds | null>(sessionEnds());
  const [now, setNow] = useState(Date.now());
  useEffect(() => onSessionEnds(setEnds), []);
  useEffect(() => {
    if (!ends) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [ends]);
  if (!ends) return { phase: 'active' };
  const endsAt = Math.min(ends.idleAt, ends.absoluteAt);
  const remainingMs = endsAt - now;
  const grace = ends.idleAt < ends.absoluteAt ? serverGraceMs(ends.idleMs) : 0;
  if (remainingMs <= -(CHECK_AFTER_MS + grace)) return { phase: 'ended' };
  if (remainingMs <= Math.min(WARN_BEFORE_MS, ends.idleMs / 2)) return { phase: 'warning', remainingMs: Math.max(0, remainingMs), extendable: ends.idleAt < ends.absoluteAt, endsAt };
  return { phase: 'active' };
}

/** Runs `effect` once each time `key` turns from null to a value (not on re-renders with the same one). */
export function useOncePer(key: string | null, effect: () => void): void {
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (key === null) last.current = null;
    if (key === null || key === last.current) return;
    last.current = key;
    effect();
  });
}
