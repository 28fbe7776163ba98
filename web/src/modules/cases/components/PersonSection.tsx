import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_GENDERS } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { SavedStatus } from './SavedStatus.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import type { CaseResponse } from '../api.js';
import { useSavePerson } from '../hooks.js';

/**
 * What consent lets the case record about the person: name, birth year, gender, languages, and how
 * to reach them safely. Shown only while consent is in force (the server refuses it otherwise).
 */
export function PersonSection({ current, editable }: { current: CaseResponse; editable: boolean }) {
  const { t } = useTranslation();
  const save = useSavePerson(current.id);
  const p = current.person;
  const [name, setName] = useState(p?.name ?? '');
  const [birthYear, setBirthYear] = useState(p?.birthYear ? String(p.birthYear) : '');
  const [gender, setGender] = useState(p?.gender ?? '');
  const [languages, setLanguages] = useState((p?.languages ?? []).join(', '));
  const [reach, setReach] = useState(p?.reach ?? '');
  const [done, setDone] = useState('');
  const errors = fieldErrorsOf(save.error);
  if (!current.consent) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    try {
      await save.mutateAsync({
        name: name.trim() || null,
        birthYear: birthYear.trim() ? Number(birthYear) : null,
        gender: gender || null,
        languages: languages.split(',').map((l) => l.trim()).filter(Boolean),
        reach: reach.trim() || null,
      });
      setDone(t('cases.personSaved'));
    } catch {
      /* shown below */
    }
  };

  return (
    <section className="stack" aria-labelledby="person-heading">
      <Heading level={2} data-size="sm" id="person-heading">
        {t('cases.personTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('cases.personHint')}</Paragraph>
      <SavedStatus message={done} />
      <form className="stack" onSubmit={submit} aria-label={t('cases.personTitle')} data-size="sm" noValidate>
        <ErrorAlert error={Object.keys(errors).length ? null : save.error} />
        <fieldset disabled={!editable} className="plain-fieldset stack">
          <Textfield label={t('cases.personName')} name="name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="off" />
          <Textfield label={t('cases.personBirthYear')} name="birthYear" type="number" inputMode="numeric" min={1900} max={2100} value={birthYear} onChange={(e) => setBirthYear(e.target.value)} error={errors.birthYear} className="narrow-field" />
          <Field>
            <Label>{t('cases.personGender')}</Label>
            <Select name="gender" value={gender} onChange={(e) => setGender(e.target.value)} width="auto">
              <Select.Option value="">–</Select.Option>
              {PERSON_GENDERS.map((g) => (
                <Select.Option key={g} value={g}>
                  {t(`cases.genders.${g}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield label={t('cases.personLanguages')} description={t('cases.personLanguagesHint')} name="languages" value={languages} onChange={(e) => setLanguages(e.target.value)} error={errors.languages} autoComplete="off" />
          <Textfield label={t('cases.personReach')} description={t('cases.personReachHint')} name="reach" multiline rows={2} maxLength={500} value={reach} onChange={(e) => setReach(e.target.value)} error={errors.reach} autoComplete="off" />
          {editable && (
            <div>
              <Button type="submit" loading={save.isPending}>
                {t('cases.personSave')}
              </Button>
            </div>
          )}
        </fieldset>
      </form>
    </section>
  );
}
