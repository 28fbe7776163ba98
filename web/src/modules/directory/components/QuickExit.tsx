import { useEffect, useRef } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/**
 * Where quick exit goes: a neutral news site, as the Red Cross helpline's own website does with its
 * «ta meg til vg»-button (seed 002, line 209); Danish readers go to DR, English ones to the BBC.
 */
export const QUICK_EXIT_URLS = { nb: 'https://www.vg.no/', da: 'https://www.dr.dk/', en: 'https://www.bbc.com/' } as const;
/** Two presses of Escape within this long leave the page. */
const DOUBLE_PRESS_MS = 1500;

/**
 * Leaves at once for a neutral site: the page is blanked first (nothing lingers on screen while the
 * other site loads), and the address replaces this page in the history, so Back cannot return to it.
 */
export function leaveNow(url: string): void {
  document.title = '';
  document.body.replaceChildren();
  window.location.replace(url);
}

/** The quick-exit button, and Escape pressed twice anywhere on the page. */
export function QuickExit({ url }: { url: string }) {
  const { t } = useTranslation();
  const lastEscape = useRef(0);
  const band = useRef<HTMLDivElement>(null);
  // On a phone the button is a band across the top (styles.css); the page keeps its height clear
  // of content and focus, whatever the text size makes it (a larger text wraps the button).
  useEffect(() => {
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--quick-exit-height', `${band.current?.offsetHeight ?? 0}px`));
    if (band.current) observer.observe(band.current);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--quick-exit-height');
    };
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const now = Date.now();
      if (now - lastEscape.current < DOUBLE_PRESS_MS) leaveNow(url);
      lastEscape.current = now;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [url]);
  return (
    <div className="quick-exit" ref={band}>
      <Button data-color="danger" onClick={() => leaveNow(url)} aria-describedby="quick-exit-hint">
        {t('findHelp.quickExit')}
      </Button>
      <span id="quick-exit-hint" className="quick-exit__hint">
        {t('findHelp.quickExitHint')}
      </span>
    </div>
  );
}
