import { useEffect, type RefObject } from 'react';

/** Ctrl+Enter (⌘+Enter on Mac) submits the form from anywhere on the page. */
export function useSubmitShortcut(formRef: RefObject<HTMLFormElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const form = formRef.current;
      if (!form) return;
      e.preventDefault();
      form.requestSubmit();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [formRef]);
}
