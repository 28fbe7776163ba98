import { useRef, useState, type KeyboardEvent } from 'react';

const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

/**
 * A roving tab stop for a group of checkboxes: the group is one Tab stop (at the last focused item,
 * or `start`), arrow keys move between items and Space ticks one, as in a radio group. This keeps
 * Tab from walking through every option of a long list the counsellor does not need.
 */
export function useRovingFocus(count: number, start = 0) {
  const [active, setActive] = useState<number | null>(null);
  const items = useRef<(HTMLInputElement | null)[]>([]);
  const current = Math.min(active ?? start, Math.max(count - 1, 0));

  const move = (to: number) => {
    const index = (to + count) % count;
    setActive(index);
    items.current[index]?.focus();
  };

  return {
    /** Props for item `i`: its tab stop, its ref, and the keys that move within the group. */
    itemProps: (i: number) => ({
      ref: (el: HTMLInputElement | null) => {
        items.current[i] = el;
      },
      tabIndex: i === current ? 0 : -1,
      onFocus: () => setActive(i),
      onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
        if (NEXT.has(e.key)) move(i + 1);
        else if (PREVIOUS.has(e.key)) move(i - 1);
        else if (e.key === 'Home') move(0);
        else if (e.key === 'End') move(count - 1);
        else return;
        e.preventDefault();
      },
    }),
  };
}
