import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_TYPES } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { SavedStatus, todayInput } from './SavedStatus.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import type { CaseResponse, ReferralInput } from '../api.js';
import { DirectoryServicePicker } from '../../directory/components/DirectoryServicePicker.js';
import type { DirectoryHit } from '../../directory/api.js';
import { useCreateReferral, useReferralOutcome } from '../hooks.js';

const empty = (): ReferralInput => ({ agencyType: 'nav', agencyName: null, reason: '', referredOn: todayInput(), accompanied: false, overrideReason: null, directoryServiceId: null });

/** What came of one referral, recorded later. */
function OutcomeForm({ caseId, referral, onDone }: { caseId: string; referral: CaseResponse['referrals'][number]; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useReferralOutcome(caseId);
  const [outcome, setOutcome] = useState('');
  const [outcomeOn, setOutcomeOn] = useState(todayInput());
  const errors = fieldErrorsOf(save.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await save.mutateAsync({ referralId: referral.id, outcome, outcomeOn, version: referral.version });
      onDone();
    } catch {
      /* shown below */
    }
  };
  return (
    <form className="stack field-nested" onSubmit={submit} aria-label={t('cases.referralOutcomeTitle')} data-size="sm" noValidate>
      <ErrorAlert error={Object.keys(errors).length ? null : save.error} />
      <Textfield label={t('cases.referralOutcome')} name="outcome" value={outcome} maxLength={500} onChange={(e) => setOutcome(e.target.value)} error={errors.outcome} autoFocus />
      <Textfield label={t('cases.referralOutcomeOn')} name="outcomeOn" type="date" value={outcomeOn} onChange={(e) => setOutcomeOn(e.target.value)} error={errors.outcomeOn} className="narrow-field" />
      <div className="button-row">
        <Button type="submit" loading={save.isPending}>{t('cases.referralOutcomeSave')}</Button>
        <Button type="button" variant="tertiary" onClick={onDone}>{t('cases.cancel')}</Button>
      </div>
    </form>
  );
}

/**
 * Referrals while the case goes on: the list (newest first) with outcomes, and a form for a new
 * one. An agency the consent does not cover asks a coordinator for a written reason; others are
 * told why it cannot be made (the server decides either way).
 */
export function ReferralsSection({ current, editable, coordinator }: { current: CaseResponse; editable: boolean; coordinator: boolean }) {
  const { t, i18n } = useTranslation();
  const create = useCreateReferral(current.id);
  const [adding, setAdding] = useState(false);
  const [outcomeFor, setOutcomeFor] = useState<string | null>(null);
  const [draft, setDraft] = useState<ReferralInput>(empty());
  const [service, setService] = useState<DirectoryHit | null>(null);
  const [done, setDone] = useState('');
  const errors = fieldErrorsOf(create.error);
  const day = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(i18n.language, { dateStyle: 'long' });
  const covered = !!current.consent?.covers.includes(draft.agencyType as never);
  const withdrawn = !current.consent && !!current.consentWithdrawnOn;
  const set = (patch: Partial<ReferralInput>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await create.mutateAsync({ ...draft, agencyName: draft.agencyName?.trim() || null, overrideReason: covered ? null : draft.overrideReason?.trim() || null });
      setAdding(false);
      setDraft(empty());
      setService(null);
      setDone(t('cases.referralSaved'));
    } catch {
      /* shown below */
    }
  };

  return (
    <section className="stack" aria-labelledby="referrals-heading">
      <Heading level={2} data-size="sm" id="referrals-heading">
        {t('cases.referralsTitle')}
      </Heading>
      <SavedStatus message={done} />
      {current.referrals.length === 0 ? (
        <Paragraph data-size="sm">{t('cases.noReferrals')}</Paragraph>
      ) : (
        <ul className="stack referral-list">
          {current.referrals.map((r) => (
            <li key={r.id}>
              <Paragraph data-size="sm">
                <strong>{t(`cases.agencies.${r.agencyType}`)}{r.agencyName ? ` – ${r.agencyName}` : ''}</strong>{r.directoryServiceId ? ` (${t('directoryPicker.fromDirectory')})` : ''}, {day(r.referredOn)}{r.accompanied ? `, ${t('cases.referralAccompanied')}` : ''}. {r.reason}
              </Paragraph>
              {r.overrideReason && <Paragraph data-size="sm">{t('cases.referralOverride', { reason: r.overrideReason })}</Paragraph>}
              {r.outcome ? (
                <Paragraph data-size="sm">{t('cases.referralOutcomeShown', { outcome: r.outcome, date: day(r.outcomeOn!) })}</Paragraph>
              ) : editable && outcomeFor === r.id ? (
                <OutcomeForm caseId={current.id} referral={r} onDone={() => setOutcomeFor(null)} />
              ) : editable && (
                <Button variant="tertiary" data-size="sm" onClick={() => setOutcomeFor(r.id)}>{t('cases.referralOutcomeAdd')}</Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && current.status !== 'closed' && !adding && (
        <div>
          <Button variant="secondary" onClick={() => { setDone(''); setAdding(true); }}>{t('cases.referralNew')}</Button>
        </div>
      )}
      {adding && (
        <form className="stack" onSubmit={submit} aria-label={t('cases.referralNew')} data-size="sm" noValidate>
          <ErrorAlert error={Object.keys(errors).some((f) => f !== 'agencyType') ? null : create.error} />
          <Field>
            <Label>{t('cases.referralAgency')}</Label>
            <Select name="agencyType" value={draft.agencyType} onChange={(e) => set({ agencyType: e.target.value })} width="auto" autoFocus>
              {AGENCY_TYPES.map((a) => (
                <Select.Option key={a} value={a}>{t(`cases.agencies.${a}`)}</Select.Option>
              ))}
            </Select>
          </Field>
          {!covered && (
            <Alert data-color="warning">
              <Paragraph>{t(withdrawn ? 'cases.referralWithdrawn' : coordinator ? 'cases.referralNotCoveredCoordinator' : 'cases.referralNotCovered')}</Paragraph>
            </Alert>
          )}
          <DirectoryServicePicker
            chosen={service}
            onChoose={(hit) => {
              setService(hit);
              set({ directoryServiceId: hit?.id ?? null, agencyName: hit ? hit.name.slice(0, 120) : null });
            }}
          />
          <Textfield label={t('cases.referralAgencyName')} name="agencyName" value={draft.agencyName ?? ''} maxLength={120} onChange={(e) => set({ agencyName: e.target.value })} error={errors.agencyName} />
          <Textfield label={t('cases.referralReason')} name="reason" multiline rows={2} maxLength={500} value={draft.reason} onChange={(e) => set({ reason: e.target.value })} error={errors.reason} />
          <Textfield label={t('cases.referralDate')} name="referredOn" type="date" value={draft.referredOn} onChange={(e) => set({ referredOn: e.target.value })} error={errors.referredOn} className="narrow-field" />
          <Checkbox name="accompanied" label={t('cases.referralAccompaniedLabel')} checked={draft.accompanied} onChange={(e) => set({ accompanied: e.target.checked })} />
          {!covered && !withdrawn && coordinator && (
            <Textfield label={t('cases.referralOverrideLabel')} name="overrideReason" multiline rows={2} maxLength={500} value={draft.overrideReason ?? ''} onChange={(e) => set({ overrideReason: e.target.value })} error={errors.overrideReason} />
          )}
          <div className="button-row">
            <Button type="submit" loading={create.isPending}>{t('cases.referralSave')}</Button>
            <Button type="button" variant="tertiary" onClick={() => setAdding(false)}>{t('cases.cancel')}</Button>
          </div>
        </form>
      )}
    </section>
  );
}
