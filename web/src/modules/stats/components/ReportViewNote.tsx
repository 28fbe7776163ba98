import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Says which view is on screen: the internal one in red, so it is never mistaken for the published one. */
export function ReportViewNote({ internal, threshold }: { internal: boolean; threshold: number }) {
  const { t } = useTranslation();
  return internal ? (
    <Alert data-color="danger" role="note">
      <Paragraph>
        <strong>{t('stats.internalBanner')}</strong>
      </Paragraph>
    </Alert>
  ) : (
    <Paragraph data-size="sm">{t('stats.publishedNote', { threshold })}</Paragraph>
  );
}
