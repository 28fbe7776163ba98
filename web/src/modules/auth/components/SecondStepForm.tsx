import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import type { Me } from '../api.js';
import { verifySecondFactor } from '../second-factor-api.js';
import { passkeysSupported, signInWithPasskey } from '../../passkeys/api.js';
import { passkeyErrorMessage } from '../../passkeys/errors.js';

interface SecondStepFormProps {
  /** Shown above the field (the page's or the re-sign-in dialog's heading). */
  heading: ReactNode;
  /** Called once the code was right and the server has opened the session. */
  onSignedIn: (me: Me) => void;
  /** Back to the password step. */
  onStartOver: () => void;
  /** Extra buttons (the dialog's "Sign out"). */
  extraActions?: ReactNode;
  /** The user has a passkey: offered first, the code field stays as the other way. */
  passkey?: boolean;
}

/**
 * The second step of sign-in: a code from the authenticator app, or a recovery code. The field
 * takes both, so a user without their phone needs no other page. What happens after sign-in is
 * the caller's: the login page starts afresh, the re-sign-in dialog keeps the page as it is.
 */
export function SecondStepForm({ heading, onSignedIn, onStartOver, extraActions, passkey = false }: SecondStepFormProps) {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifySecondFactor, onSuccess: onSignedIn });
  const withPasskey = useMutation({ mutationFn: signInWithPasskey, onSuccess: onSignedIn });
  const offerPasskey = passkey && passkeysSupported();
  const [code, setCode] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  const passkeyRef = useRef<HTMLButtonElement>(null);
  const errors = fieldErrorsOf(verify.error);

  // The form replaces the password step in place (also inside an open dialog): focus the passkey
  // button when there is one (Enter uses it), else the code.
  useEffect(() => {
    const frame = requestAnimationFrame(() => (offerPasskey ? passkeyRef.current : codeRef.current)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [offerPasskey]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate(code);
  };

  return (
    <form className="stack narrow" onSubmit={onSubmit} noValidate aria-busy={verify.isPending || withPasskey.isPending}>
      {heading}
      <Paragraph>{offerPasskey ? t('passkeys.signInIntro') : t('secondFactor.verifyIntro')}</Paragraph>
      {offerPasskey && (
        <>
          {withPasskey.error && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{passkeyErrorMessage(withPasskey.error, t)}</Paragraph>
            </Alert>
          )}
          <div className="row">
            <Button type="button" ref={passkeyRef} loading={withPasskey.isPending} onClick={() => withPasskey.mutate()}>
              {t('passkeys.usePasskey')}
            </Button>
          </div>
        </>
      )}
      {!errors.code && <ErrorAlert error={verify.error} />}
      <Textfield
        label={t('secondFactor.code')}
        description={t('secondFactor.codeHint')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="off"
        spellCheck={false}
        required
        ref={codeRef}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={errors.code}
      />
      <div className="row">
        <Button type="submit" variant={offerPasskey ? 'secondary' : 'primary'} loading={verify.isPending}>
          {t('secondFactor.verify')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onStartOver}>
          {t('secondFactor.startOver')}
        </Button>
        {extraActions}
      </div>
    </form>
  );
}
