import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** The printable page of the report on screen, opened in a new tab. */
export function PrintableLink({ href, label }: { href: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <a className="ds-link" href={href} target="_blank" rel="noopener">
        {label}
        <span className="visually-hidden"> {t('common.newTab')}</span>
      </a>
    </Paragraph>
  );
}
