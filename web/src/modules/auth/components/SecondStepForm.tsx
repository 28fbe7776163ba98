import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { useVerifySecondFactor } from '../hooks.js';

/**
 * The second step of sign-in: a code from the authenticator app, or a recovery code. The field
 * takes both, so a user without their phone needs no other page.
 */
export function SecondStepForm({ onSignedIn, onStartOver }: { onSignedIn: () => void; onStartOver: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifySecondFactor();
  const [code, setCode] = useState('');
  const errors = fieldErrorsOf(verify.error);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate(code, { onSuccess: onSignedIn });
  };

  return (
    <form className="stack narrow" onSubmit={onSubmit} noValidate aria-busy={verify.isPending}>
      <Heading level={1} data-size="lg">
        {t('secondFactor.verifyTitle')}
      </Heading>
      <Paragraph>{t('secondFactor.verifyIntro')}</Paragraph>
      {!errors.code && <ErrorAlert error={verify.error} />}
      <Textfield
        label={t('secondFactor.code')}
        description={t('secondFactor.codeHint')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="off"
        spellCheck={false}
        required
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={errors.code}
      />
      <div className="row">
        <Button type="submit" loading={verify.isPending}>
          {t('secondFactor.verify')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onStartOver}>
          {t('secondFactor.startOver')}
        </Button>
      </div>
    </form>
  );
}
