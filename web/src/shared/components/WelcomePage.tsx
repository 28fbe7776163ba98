import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../modules/auth/hooks.js';
import { usePageTitle } from './use-page-title.js';

/** For users whose role has nothing else to show yet. */
export function WelcomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  usePageTitle(t('welcome.title'));
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('welcome.title')}
      </Heading>
      <Paragraph>{t('welcome.text', { name: me.displayName })}</Paragraph>
    </>
  );
}
