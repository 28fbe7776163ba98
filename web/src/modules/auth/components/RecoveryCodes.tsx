import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The recovery codes, shown once after enrolment; focus moves here so a screen reader hears it. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1}>
        {t('secondFactor.recoveryTitle')}
      </Heading>
      <Paragraph>{t('secondFactor.recoveryIntro')}</Paragraph>
      <ol className="recovery-codes" aria-label={t('secondFactor.recoveryListLabel')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div>
        <Button type="button" onClick={onDone}>
          {t('secondFactor.continue')}
        </Button>
      </div>
    </div>
  );
}
