import { useEffect, useState } from 'react';

/** The time now, renewed every `everyMs`, so what the page derives from the clock ("open now") follows it. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
