import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { isApiError } from '../../../shared/http.js';
import { useConfirmEnrolment, useMe, useStartEnrolment } from '../hooks.js';
import { RecoveryCodes } from '../components/RecoveryCodes.js';
import { safeNext } from './LoginPage.js';

/** The secret in groups of four, as authenticator apps print it and people type it. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * Enrolment in two-factor sign-in: right after the password for a role that must have it, or
 * from a session for anyone who wants it. QR code and typed key, a first code, then the recovery
 * codes, once.
 */
export function SecondFactorSetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('secondFactor.setupTitle'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { data: me } = useMe();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const started = useRef(false);
  const errors = fieldErrorsOf(confirm.error);

  // Once per visit: every start makes a new secret.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);

  if (confirm.data) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={() => void navigate(next, { replace: true })} />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(code);
  };
  const expired = isApiError(start.error) && start.error.status === 401;

  return (
    <div className="stack narrow" aria-busy={start.isPending}>
      <Heading level={1} data-size="lg">
        {t('secondFactor.setupTitle')}
      </Heading>
      <Paragraph>
        {t('secondFactor.setupIntro')} {!me && t('secondFactor.setupRequired')}
      </Paragraph>
      {start.isPending && <Loading />}
      {expired ? (
        <Alert data-color="warning">
          <Paragraph>{t('secondFactor.expired')}</Paragraph>
          <Paragraph>
            <Link to={`/login?next=${encodeURIComponent(next)}`}>{t('secondFactor.toLogin')}</Link>
          </Paragraph>
        </Alert>
      ) : (
        <ErrorAlert error={start.error} />
      )}
      {start.data && (
        <form className="stack" onSubmit={onSubmit} noValidate aria-busy={confirm.isPending}>
          <ol className="stack enrolment-steps">
            <li>
              <Paragraph>{t('secondFactor.scanStep')}</Paragraph>
              <img className="enrolment-qr" src={start.data.qrDataUrl} alt={t('secondFactor.qrAlt')} width={200} height={200} />
            </li>
            <li>
              <Paragraph id="manual-key-label">{t('secondFactor.manualStep')}</Paragraph>
              <code className="enrolment-key" aria-labelledby="manual-key-label">
                {grouped(start.data.secret)}
              </code>
            </li>
            <li>
              <div className="stack">
                <Paragraph>{t('secondFactor.confirmStep')}</Paragraph>
                {!errors.code && <ErrorAlert error={confirm.error} />}
                <Textfield
                  label={t('secondFactor.code')}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  required
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  error={errors.code}
                />
                <div>
                  <Button type="submit" loading={confirm.isPending}>
                    {t('secondFactor.confirm')}
                  </Button>
                </div>
              </div>
            </li>
          </ol>
        </form>
      )}
    </div>
  );
}
