import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_TYPES, CONSENT_FORMS } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { SavedStatus, todayInput } from './SavedStatus.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import type { CaseResponse, ConsentInput } from '../api.js';
import { useRecordConsent, useWithdrawConsent } from '../hooks.js';


/**
 * The person's consent: what it covers, or that there is none (then the case has a pseudonym
 * only). Record or change it; withdraw it, which removes what identifies the person.
 */
export function ConsentSection({ current, editable }: { current: CaseResponse; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'withdraw'>('view');
  const record = useRecordConsent(current.id);
  const withdraw = useWithdrawConsent(current.id);
  const consent = current.consent;
  const [draft, setDraft] = useState<ConsentInput>({ form: consent?.form ?? 'signed', givenOn: consent?.givenOn ?? todayInput(), covers: consent?.covers ?? [] });
  const [withdrawnOn, setWithdrawnOn] = useState(todayInput());
  const [done, setDone] = useState('');
  const errors = { ...fieldErrorsOf(record.error), ...fieldErrorsOf(withdraw.error) };
  const day = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(i18n.language, { dateStyle: 'long' });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await record.mutateAsync(draft);
      setMode('view');
      setDone(t('cases.consentSaved'));
    } catch {
      /* shown below */
    }
  };
  const confirmWithdraw = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await withdraw.mutateAsync(withdrawnOn);
      setMode('view');
      setDone(t('cases.consentWithdrawnDone'));
    } catch {
      /* shown below */
    }
  };
  const toggle = (agency: string, on: boolean) => setDraft((d) => ({ ...d, covers: on ? AGENCY_TYPES.filter((a) => a === agency || d.covers.includes(a)) : d.covers.filter((a) => a !== agency) }));

  return (
    <section className="stack" aria-labelledby="consent-heading">
      <Heading level={2} data-size="sm" id="consent-heading">
        {t('cases.consentTitle')}
      </Heading>
      <SavedStatus message={done} />
      {mode === 'view' && (
        <>
          {consent ? (
            <Paragraph data-size="sm">
              {t('cases.consentInForce', { form: t(`cases.consentForms.${consent.form}`), date: day(consent.givenOn), covers: consent.covers.map((a) => t(`cases.agencies.${a}`)).join(', ') })}
            </Paragraph>
          ) : (
            <Paragraph data-size="sm">
              {t('cases.noConsent')} {current.consentWithdrawnOn && t('cases.consentWithdrawnOn', { date: day(current.consentWithdrawnOn) })}
            </Paragraph>
          )}
          {editable && (
            <div className="button-row">
              <Button variant="secondary" onClick={() => { setDone(''); setMode('edit'); }}>
                {t(consent ? 'cases.consentChange' : 'cases.consentRecord')}
              </Button>
              {consent && (
                <Button variant="secondary" data-color="danger" onClick={() => { setDone(''); setMode('withdraw'); }}>
                  {t('cases.consentWithdraw')}
                </Button>
              )}
            </div>
          )}
        </>
      )}
      {mode === 'edit' && (
        <form className="stack" onSubmit={save} aria-label={t('cases.consentTitle')} data-size="sm" noValidate>
          <ErrorAlert error={Object.keys(errors).length ? null : record.error} />
          <Fieldset>
            <Fieldset.Legend>{t('cases.consentForm')}</Fieldset.Legend>
            {CONSENT_FORMS.map((f) => (
              <Radio key={f} name="form" value={f} label={t(`cases.consentForms.${f}`)} checked={draft.form === f} onChange={() => setDraft((d) => ({ ...d, form: f }))} />
            ))}
          </Fieldset>
          <Textfield label={t('cases.consentGivenOn')} name="givenOn" type="date" value={draft.givenOn} onChange={(e) => setDraft((d) => ({ ...d, givenOn: e.target.value }))} error={errors.givenOn} className="narrow-field" />
          <Fieldset>
            <Fieldset.Legend>{t('cases.consentCovers')}</Fieldset.Legend>
            <div className="checkbox-columns">
              {AGENCY_TYPES.map((a) => (
                <Checkbox key={a} name="covers" value={a} label={t(`cases.agencies.${a}`)} checked={draft.covers.includes(a)} onChange={(e) => toggle(a, e.target.checked)} aria-invalid={errors.covers ? true : undefined} />
              ))}
            </div>
            {errors.covers && <ValidationMessage>{errors.covers}</ValidationMessage>}
          </Fieldset>
          <div className="button-row">
            <Button type="submit" loading={record.isPending}>
              {t('cases.consentSave')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setMode('view')}>
              {t('cases.cancel')}
            </Button>
          </div>
        </form>
      )}
      {mode === 'withdraw' && (
        <form className="stack" onSubmit={confirmWithdraw} aria-label={t('cases.consentWithdraw')} data-size="sm" noValidate>
          <Alert data-color="warning">
            <Paragraph>{t('cases.consentWithdrawWarning')}</Paragraph>
          </Alert>
          <ErrorAlert error={Object.keys(errors).length ? null : withdraw.error} />
          <Textfield label={t('cases.consentWithdrawnOnLabel')} name="withdrawnOn" type="date" value={withdrawnOn} onChange={(e) => setWithdrawnOn(e.target.value)} error={errors.withdrawnOn} className="narrow-field" />
          <div className="button-row">
            <Button type="submit" data-color="danger" loading={withdraw.isPending}>
              {t('cases.consentWithdrawConfirm')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setMode('view')}>
              {t('cases.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
