import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useLogin, useMe } from '../hooks.js';
import { isSecondStep } from '../second-factor-api.js';
import { SecondStepForm } from '../components/SecondStepForm.js';

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
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [secondStep, setSecondStep] = useState(false);
  const next = safeNext(params.get('next'));

  if (me && !login.isSuccess) return <Navigate to={next} replace />;

  // The password was right and the server asks for a code before it opens a session.
  if (secondStep)
    return (
      <SecondStepForm
        onSignedIn={() => void navigate(next, { replace: true })}
        onStartOver={() => {
          setSecondStep(false);
          setPassword('');
          login.reset();
        }}
      />
    );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email, password },
      {
        onSuccess: (result) => {
          if (!isSecondStep(result)) return void navigate(next, { replace: true });
          if (result.step === 'verify') return setSecondStep(true);
          // A role that reads contacts and has no second factor sets one up before anything else.
          void navigate(`/second-factor/setup?next=${encodeURIComponent(next)}`, { replace: true });
        },
      },
    );
  };

  return (
    <form className="stack narrow" onSubmit={onSubmit} noValidate aria-busy={login.isPending}>
      <Heading level={1} data-size="lg">
        {t('login.title')}
      </Heading>
      <ErrorAlert error={login.error} />
      <Textfield
        label={t('login.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Textfield
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div>
        <Button type="submit" loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </div>
    </form>
  );
}
