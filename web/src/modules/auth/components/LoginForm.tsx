import { Button, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { login, type Me } from '../api.js';
import { isSecondStep } from '../second-factor-api.js';
import { SecondStepForm } from './SecondStepForm.js';

interface LoginFormProps {
  /** Shown above the fields (the page's or the dialog's heading). */
  heading: ReactNode;
  /** Called once the server has signed the user in. */
  onSignedIn: (me: Me) => void;
  /** Signing in again after a session ended: the e-mail is the same user's, not to be changed. */
  fixedEmail?: string;
  /** Extra buttons beside "Sign in" (the dialog's "Sign out"). */
  extraActions?: ReactNode;
  /** The heading of the code step; by default the same as `heading`. */
  secondStepHeading?: ReactNode;
  /** Where to go after setting up a second factor, for a user who must first do so; by default here. */
  next?: string;
}

/**
 * The one sign-in form, used by the login page and by the dialog that appears when a session
 * ends on a page with unsaved work. A further sign-in step belongs here, so both get it.
 */
export function LoginForm({ heading, onSignedIn, fixedEmail, extraActions, secondStepHeading, next }: LoginFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  // The code step, and whether the user may answer it with a passkey instead (decision 0020).
  const [secondStep, setSecondStep] = useState<{ passkey: boolean } | null>(null);
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      if (!isSecondStep(result)) return onSignedIn(result);
      // The password was right; the server asks for a code before it opens a session (decision 0014).
      if (result.step === 'verify') return setSecondStep({ passkey: !!result.passkey });
      // A role that reads contacts and has no second factor sets one up before anything else.
      const after = next ?? `${location.pathname}${location.search}`;
      void navigate(`/second-factor/setup?next=${encodeURIComponent(after)}`, { replace: true });
    },
  });
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  // Signing in again: the e-mail is given, so the password field gets focus — after the dialog
  // around the form has opened (a modal dialog moves focus when it opens, after this renders).
  useEffect(() => {
    if (!fixedEmail) return;
    const frame = requestAnimationFrame(() => passwordRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [fixedEmail]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ email, password });
  };

  if (secondStep)
    return (
      <SecondStepForm
        heading={secondStepHeading ?? heading}
        onSignedIn={onSignedIn}
        extraActions={extraActions}
        passkey={secondStep.passkey}
        onStartOver={() => {
          setSecondStep(null);
          setPassword('');
          mutation.reset();
        }}
      />
    );

  return (
    <form className="stack narrow" onSubmit={onSubmit} noValidate aria-busy={mutation.isPending}>
      {heading}
      <ErrorAlert error={mutation.error} />
      <Textfield
        label={t('login.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus={!fixedEmail}
        readOnly={!!fixedEmail}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Textfield
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        ref={passwordRef}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="row">
        <Button type="submit" loading={mutation.isPending}>
          {t('login.submit')}
        </Button>
        {extraActions}
      </div>
    </form>
  );
}
