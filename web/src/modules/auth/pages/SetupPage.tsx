import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { useSetup } from '../hooks.js';

/** First-time setup from the one-time link /setup?token=…: creates the first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('setup.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const setup = useSetup();
  const [values, setValues] = useState({ email: '', displayName: '', password: '' });
  const errors = fieldErrorsOf(setup.error);
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setup.mutate({ token, ...values }, { onSuccess: () => void navigate('/users', { replace: true }) });
  };

  return (
    <form className="stack narrow" onSubmit={onSubmit} noValidate aria-busy={setup.isPending}>
      <Heading level={1} data-size="lg">
        {t('setup.title')}
      </Heading>
      <Paragraph>{t('setup.intro')}</Paragraph>
      {!token && (
        <Alert data-color="warning">
          <Paragraph>{t('setup.noToken')}</Paragraph>
        </Alert>
      )}
      {Object.keys(errors).length === 0 && <ErrorAlert error={setup.error} />}
      <Textfield
        label={t('users.email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <Textfield
        label={t('users.displayName')}
        name="displayName"
        autoComplete="name"
        required
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.displayName}
      />
      <Textfield
        label={t('users.password')}
        description={t('users.passwordHint', { min: LIMITS.passwordMin })}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={LIMITS.passwordMin}
        value={values.password}
        onChange={set('password')}
        error={errors.password ?? errors.token}
      />
      <div>
        <Button type="submit" loading={setup.isPending} disabled={!token}>
          {t('setup.submit')}
        </Button>
      </div>
    </form>
  );
}
