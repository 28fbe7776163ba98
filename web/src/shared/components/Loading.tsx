import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** A busy indicator announced to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  const text = label ?? t('common.loading');
  return (
    <div role="status" aria-live="polite" className="row" style={{ alignItems: 'center' }}>
      <Spinner aria-hidden data-size="sm" />
      <Paragraph>{text}</Paragraph>
    </div>
  );
}
