import { Heading } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { LoginForm } from '../components/LoginForm.js';
import { useMe, useSignedIn } from '../hooks.js';

/** Only same-site paths are followed after login. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const signedIn = useSignedIn();
  const [done, setDone] = useState(false);
  const next = safeNext(params.get('next'));

  if (me && !done) return <Navigate to={next} replace />;

  return (
    <LoginForm
      heading={
        <Heading level={1} data-size="lg">
          {t('login.title')}
        </Heading>
      }
      secondStepHeading={
        <Heading level={1} data-size="lg">
          {t('secondFactor.verifyTitle')}
        </Heading>
      }
      next={next}
      onSignedIn={(user) => {
        setDone(true);
        signedIn(user);
        void navigate(next, { replace: true });
      }}
    />
  );
}
