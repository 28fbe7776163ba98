import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './use-page-title.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('notFound.title')}
      </Heading>
      <Paragraph>
        <Link to="/" className="ds-link">
          {t('notFound.home')}
        </Link>
      </Paragraph>
    </>
  );
}
