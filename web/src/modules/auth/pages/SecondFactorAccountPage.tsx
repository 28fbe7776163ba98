import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useSecondFactorStatus } from '../hooks.js';
import { PasskeysSection } from '../../passkeys/components/PasskeysSection.js';
import { usePasskeys } from '../../passkeys/hooks.js';

/** The signed-in user's two-factor state, and the way in for roles that may set it up voluntarily. */
export function SecondFactorAccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('secondFactor.accountTitle'));
  const status = useSecondFactorStatus();
  // A passkey is a second factor of its own: without the app, sign-in is still two-factor.
  const hasPasskey = (usePasskeys().data?.passkeys.length ?? 0) > 0;
  return (
    <div className="stack narrow" aria-busy={status.isPending}>
      <Heading level={1} data-size="lg">
        {t('secondFactor.accountTitle')}
      </Heading>
      {status.isPending && <Loading />}
      <ErrorAlert error={status.error} />
      {status.data?.enrolled && (
        <>
          <Paragraph>{t('secondFactor.accountOn')}</Paragraph>
          <Paragraph>{t('secondFactor.accountCodesLeft', { count: status.data.recoveryCodesLeft })}</Paragraph>
        </>
      )}
      {status.data && !status.data.enrolled && (
        <>
          <Paragraph>{hasPasskey ? t('passkeys.accountOnWithoutApp') : t('secondFactor.accountOff')}</Paragraph>
          <Paragraph>
            <Link to={`/second-factor/setup?next=${encodeURIComponent('/account/second-factor')}`}>{t('secondFactor.setupTitle')}</Link>
          </Paragraph>
        </>
      )}
      <PasskeysSection />
    </div>
  );
}
