import { useEffect, useRef, useState } from 'react';

/**
 * Moves focus, once the form has rendered, to the field of that name inside `root`: to a row just
 * added, or to the add button when a row is removed (the removed row's button is gone, and focus
 * would fall to the page's start).
 */
export function useFocusByName<T extends HTMLElement>() {
  const root = useRef<T>(null);
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!name) return;
    root.current?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`)?.focus();
    setName(null);
  }, [name]);
  return { root, focusName: setName };
}
