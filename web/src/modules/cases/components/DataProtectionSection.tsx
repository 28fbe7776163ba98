import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { SavedStatus } from './SavedStatus.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { exportUrl, type CaseResponse } from '../api.js';
import { useAnonymiseCase } from '../hooks.js';

/**
 * The person's rights over the case, for coordinators (decision 0033): an access request's export
 * (a file, and a page to print), and erasure of a closed case on request, which anonymises it.
 */
export function DataProtectionSection({ current, mayExport, mayErase }: { current: CaseResponse; mayExport: boolean; mayErase: boolean }) {
  const { t } = useTranslation();
  const anonymise = useAnonymiseCase(current.id);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const errors = fieldErrorsOf(anonymise.error);
  if (!mayExport && !mayErase) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await anonymise.mutateAsync({ reason: reason.trim(), version: current.version });
      setConfirming(false);
      setDone(t('cases.anonymisedDone'));
    } catch {
      /* shown below */
    }
  };

  return (
    <section className="stack" aria-labelledby="rights-heading">
      <Heading level={2} data-size="sm" id="rights-heading">
        {t('cases.rightsTitle')}
      </Heading>
      <SavedStatus message={done} />
      {mayExport && !current.anonymisedAt && (
        <>
          <Paragraph data-size="sm">{t('cases.exportHint')}</Paragraph>
          <div className="button-row">
            <a className="ds-link" href={exportUrl(current.id, 'html')} target="_blank" rel="noopener">{t('cases.exportHtml')}</a>
            <a className="ds-link" href={exportUrl(current.id, 'json')} download>{t('cases.exportJson')}</a>
          </div>
        </>
      )}
      {mayErase && !current.anonymisedAt && (
        current.status !== 'closed' ? (
          <Paragraph data-size="sm">{t('cases.anonymiseCloseFirst')}</Paragraph>
        ) : confirming ? (
          <form className="stack" onSubmit={submit} aria-label={t('cases.anonymise')} data-size="sm" noValidate>
            <Alert data-color="danger">
              <Paragraph data-size="sm">{t('cases.anonymiseWarning')}</Paragraph>
            </Alert>
            <ErrorAlert error={Object.keys(errors).length ? null : anonymise.error} />
            <Textfield label={t('cases.anonymiseReason')} description={t('cases.anonymiseReasonHint')} name="reason" value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} error={errors.reason} autoComplete="off" autoFocus />
            <div className="button-row">
              <Button type="submit" data-color="danger" loading={anonymise.isPending}>{t('cases.anonymiseConfirm')}</Button>
              <Button type="button" variant="tertiary" onClick={() => setConfirming(false)}>{t('cases.cancel')}</Button>
            </div>
          </form>
        ) : (
          <div>
            <Button type="button" variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>{t('cases.anonymise')}</Button>
          </div>
        )
      )}
    </section>
  );
}
