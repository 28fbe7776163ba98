import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { revealProtection, type RevealedProtection } from '../api.js';

/**
 * Shows the protected address after a stated reason (audited by the server with the read). Kept
 * in this component's state only, never in the query cache: hidden again, or the page left, and
 * it is gone from memory.
 */
export function RevealProtection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<RevealedProtection | null>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const reveal = useMutation({ mutationFn: (why: string) => revealProtection(caseId, why), gcTime: 0 });
  const errors = fieldErrorsOf(reveal.error);

  useEffect(() => {
    if (shown) hideButton.current?.focus();
  }, [shown]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setShown(await reveal.mutateAsync(reason.trim()));
      setReason('');
      reveal.reset();
    } catch {
      /* shown below */
    }
  };

  if (shown) {
    return (
      <Alert data-color="info" aria-live="polite">
        <dl className="case-facts">
          <div>
            <dt>{t('cases.protectionAddress')}</dt>
            <dd className="preserve-lines">{shown.address ?? '–'}</dd>
          </div>
          <div>
            <dt>{t('cases.protectionContact')}</dt>
            <dd className="preserve-lines">{shown.contactDetails ?? '–'}</dd>
          </div>
        </dl>
        <Button ref={hideButton} type="button" variant="secondary" onClick={() => setShown(null)}>{t('cases.protectionHide')}</Button>
      </Alert>
    );
  }
  return (
    <form className="stack" onSubmit={submit} aria-label={t('cases.protectionReveal')} data-size="sm" noValidate>
      <Paragraph data-size="sm">{t('cases.protectionRevealHint')}</Paragraph>
      <ErrorAlert error={Object.keys(errors).length ? null : reveal.error} />
      <Textfield label={t('cases.protectionReason')} name="reason" value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} error={errors.reason} autoComplete="off" />
      <div>
        <Button type="submit" variant="secondary" loading={reveal.isPending}>{t('cases.protectionReveal')}</Button>
      </div>
    </form>
  );
}
