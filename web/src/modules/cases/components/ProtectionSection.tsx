import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortDate } from '../short-date.js';
import { MAIL_INITIATORS, PROTECTION_LEVELS } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { SavedStatus } from './SavedStatus.js';
import { RevealProtection } from './RevealProtection.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import type { CaseResponse, ProtectionInput } from '../api.js';
import { useEndProtection, useSaveProtection } from '../hooks.js';

/**
 * Sperret adresse (kode 6/7) and the mail agreement (decision 0032). The page knows only that an
 * address is stored; a new one replaces it, an empty field keeps it, and seeing it takes a reason.
 * Shown only while consent is in force (the server refuses it otherwise).
 */
export function ProtectionSection({ current, editable, mayReveal }: { current: CaseResponse; editable: boolean; mayReveal: boolean }) {
  const { t } = useTranslation();
  const day = useShortDate();
  const save = useSaveProtection(current.id);
  const end = useEndProtection(current.id);
  const p = current.protection;
  const [level, setLevel] = useState<string>(p?.level ?? '');
  const [address, setAddress] = useState('');
  const [removeAddress, setRemoveAddress] = useState(false);
  const [contact, setContact] = useState('');
  const [removeContact, setRemoveContact] = useState(false);
  const [mailOn, setMailOn] = useState(p?.mailAgreementOn ?? '');
  const [mailBy, setMailBy] = useState<string>(p?.mailInitiatedBy ?? '');
  const [ending, setEnding] = useState(false);
  const [done, setDone] = useState('');
  const errors = fieldErrorsOf(save.error);
  if (!current.consent) return null;

  /** Left out keeps what is stored, null removes it, text replaces it. */
  const change = (text: string, remove: boolean) => (remove ? null : text.trim() ? text.trim() : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const body = {
      level: (level || 'kode6') as ProtectionInput['level'],
      address: change(address, removeAddress),
      contactDetails: change(contact, removeContact),
      mailAgreementOn: mailOn || null,
      mailInitiatedBy: (mailBy || null) as ProtectionInput['mailInitiatedBy'],
    };
    try {
      await save.mutateAsync(body);
      setAddress('');
      setContact('');
      setRemoveAddress(false);
      setRemoveContact(false);
      setDone(t('cases.protectionSaved'));
    } catch {
      /* shown below */
    }
  };

  const confirmEnd = async () => {
    setDone('');
    try {
      await end.mutateAsync();
      setEnding(false);
      setLevel('');
      setMailOn('');
      setMailBy('');
      setDone(t('cases.protectionEnded'));
    } catch {
      /* shown below */
    }
  };

  return (
    <section className="stack" aria-labelledby="protection-heading">
      <Heading level={2} data-size="sm" id="protection-heading">
        {t('cases.protectionTitle')}
      </Heading>
      <SavedStatus message={done} />
      {p ? (
        <Alert data-color="warning">
          <Paragraph data-size="sm">
            <strong>{t(`cases.protectionLevels.${p.level}`)}</strong>
            {' · '}
            {p.hasAddress ? t('cases.protectionAddressStored') : t('cases.protectionNoAddress')}
            {p.mailAgreementOn && ` · ${t('cases.mailAgreementSince', { date: day(p.mailAgreementOn), by: t(`cases.mailInitiators.${p.mailInitiatedBy}`) })}`}
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph data-size="sm">{t('cases.protectionNone')}</Paragraph>
      )}
      {p && mayReveal && (p.hasAddress || p.hasContactDetails) && <RevealProtection caseId={current.id} />}
      {editable && (
        <form className="stack" onSubmit={submit} aria-label={t('cases.protectionTitle')} data-size="sm" noValidate>
          <ErrorAlert error={Object.keys(errors).length ? null : save.error} />
          <Field>
            <Label>{t('cases.protectionLevel')}</Label>
            <Select name="level" value={level} onChange={(e) => setLevel(e.target.value)} width="auto" aria-invalid={errors.level ? true : undefined}>
              {!p && <Select.Option value="">–</Select.Option>}
              {PROTECTION_LEVELS.map((l) => (
                <Select.Option key={l} value={l}>{t(`cases.protectionLevels.${l}`)}</Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield label={t('cases.protectionAddress')} description={p?.hasAddress ? t('cases.protectionKeepHint') : t('cases.protectionAddressHint')} name="address" multiline rows={2} maxLength={300}
            value={address} onChange={(e) => setAddress(e.target.value)} error={errors.address} autoComplete="off" disabled={removeAddress} />
          {p?.hasAddress && <Checkbox label={t('cases.protectionRemoveAddress')} checked={removeAddress} onChange={(e) => setRemoveAddress(e.target.checked)} />}
          <Textfield label={t('cases.protectionContact')} description={p?.hasContactDetails ? t('cases.protectionKeepHint') : undefined} name="contactDetails" multiline rows={2} maxLength={300}
            value={contact} onChange={(e) => setContact(e.target.value)} error={errors.contactDetails} autoComplete="off" disabled={removeContact} />
          {p?.hasContactDetails && <Checkbox label={t('cases.protectionRemoveContact')} checked={removeContact} onChange={(e) => setRemoveContact(e.target.checked)} />}
          <div className="filter-row filter-row--end">
            <Textfield label={t('cases.mailAgreementOn')} name="mailAgreementOn" type="date" value={mailOn} onChange={(e) => setMailOn(e.target.value)} error={errors.mailAgreementOn} />
            <Field>
              <Label>{t('cases.mailInitiatedBy')}</Label>
              <Select name="mailInitiatedBy" value={mailBy} onChange={(e) => setMailBy(e.target.value)} width="auto" aria-invalid={errors.mailInitiatedBy ? true : undefined}>
                <Select.Option value="">–</Select.Option>
                {MAIL_INITIATORS.map((m) => (
                  <Select.Option key={m} value={m}>{t(`cases.mailInitiators.${m}`)}</Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="button-row">
            <Button type="submit" loading={save.isPending} disabled={!level}>{t('cases.protectionSave')}</Button>
            {p && !ending && <Button type="button" variant="secondary" data-color="danger" onClick={() => setEnding(true)}>{t('cases.protectionEnd')}</Button>}
          </div>
          {ending && (
            <Alert data-color="danger">
              <Paragraph data-size="sm">{t('cases.protectionEndConfirm')}</Paragraph>
              <ErrorAlert error={end.error} />
              <div className="button-row">
                <Button type="button" data-color="danger" loading={end.isPending} onClick={() => void confirmEnd()}>{t('cases.protectionEndYes')}</Button>
                <Button type="button" variant="tertiary" onClick={() => setEnding(false)}>{t('cases.cancel')}</Button>
              </div>
            </Alert>
          )}
        </form>
      )}
    </section>
  );
}
