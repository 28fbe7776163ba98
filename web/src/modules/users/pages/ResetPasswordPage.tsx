import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { useResetPassword } from '../hooks.js';

/** The token travels in the link's fragment (#token=…), which never reaches a server log. */
function tokenFromLink(): string {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  // Out of the address bar and the history once read.
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  return token;
}

/** /reset-password#token=…: a user sets a new password from the one-time link an administrator gave them. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('resetPassword.title'));
  const [token] = useState(tokenFromLink);
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const errors = fieldErrorsOf(reset.error);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== confirm);
    if (password === confirm) reset.mutate({ token, password });
  };

  if (reset.isSuccess) {
    return (
      <div className="stack narrow">
        <Heading level={1} data-size="lg">
          {t('resetPassword.title')}
        </Heading>
        <Alert data-color="success" role="status">
          <Paragraph>{t('resetPassword.done')}</Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/login">{t('resetPassword.toLogin')}</Link>
        </Paragraph>
      </div>
    );
  }

  return (
    <form className="stack narrow" onSubmit={onSubmit} noValidate aria-busy={reset.isPending}>
      <Heading level={1} data-size="lg">
        {t('resetPassword.title')}
      </Heading>
      {!token && (
        <Alert data-color="warning">
          <Paragraph>{t('resetPassword.noToken')}</Paragraph>
        </Alert>
      )}
      {/* An expired or used link is named by the server as the "token" field: say it plainly. */}
      {(errors.token || Object.keys(errors).length === 0) && <ErrorAlert error={reset.error} />}
      <Textfield
        label={t('resetPassword.password')}
        description={t('users.passwordHint', { min: LIMITS.passwordMin })}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        autoFocus
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <Textfield
        label={t('resetPassword.confirm')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={mismatch ? t('resetPassword.mismatch') : undefined}
      />
      <div>
        <Button type="submit" loading={reset.isPending} disabled={!token}>
          {t('resetPassword.submit')}
        </Button>
      </div>
    </form>
  );
}
