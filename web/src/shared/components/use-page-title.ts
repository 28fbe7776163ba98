import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title (WCAG 2.4.2) as "<page> – Brobygger". */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${app}` : app;
  }, [title, app]);
}
