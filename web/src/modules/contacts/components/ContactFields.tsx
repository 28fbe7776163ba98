import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS, LIMITS, type Channel } from '../../../../../src/shared/enums.js';
import { useLocale } from '../../../shared/locale.js';
import type { CategoryResponse, HelplineResponse } from '../../helplines/api.js';
import { categoriesOf } from '../../helplines/hooks.js';
import { HelplineSelect } from '../../helplines/components/HelplineSelect.js';
import type { ContactFormValues } from '../form-values.js';
import { ChoiceRadios, type Choice } from './ChoiceRadios.js';
import { CategorySelect } from './CategorySelect.js';
import { CountrySelect } from './CountrySelect.js';
import { ThemesField } from './ThemesField.js';
import { OutcomesField } from './OutcomesField.js';

/** Category ids belong to one helpline's taxonomy: cleared when the helpline changes. */
const NO_CATEGORIES = { whoId: '', ageGroupId: '', genderId: '', bodyTypeId: '', referredToId: '', themes: [] };

export type Patch = (patch: Partial<ContactFormValues>) => void;

interface Props {
  values: ContactFormValues;
  set: Patch;
  errors: Partial<Record<keyof ContactFormValues, string>>;
  categories: CategoryResponse[] | undefined;
  channels: Channel[];
  /** Shown only when creating and the user has several helplines. */
  helplines?: HelplineResponse[];
  /** A new registration: the time defaults to now. */
  isNew: boolean;
}

/**
 * Every input of the contact form, in keyboard order: the most used first, the time last because it
 * defaults to now (a datetime input costs five Tab stops). Names equal the API's field names.
 */
export function ContactFields({ values, set, errors, categories, channels, helplines, isNew }: Props) {
  const { t } = useTranslation();
  const { label } = useLocale();
  const keep = [Number(values.whoId), Number(values.ageGroupId), Number(values.genderId), Number(values.bodyTypeId), Number(values.referredToId), ...values.themes.flatMap((th) => [th.themeId, ...th.subthemeIds])];
  const of = (dimension: Parameters<typeof categoriesOf>[1]) => categoriesOf(categories, dimension, keep);
  const ageGroups = of('age_group');
  const bodyTypes = of('body_type');
  const none: Choice = { value: '', label: t('contactForm.notStated') };
  const choices = (cats: CategoryResponse[]): Choice[] => [none, ...cats.map((c) => ({ value: String(c.id), label: label(c.label) }))];

  /** Typing an exact age picks the matching age group. */
  const onAge = (age: string) => {
    const n = Number(age);
    const group = age.trim() !== '' && Number.isInteger(n)
      ? ageGroups.find((g) => !g.retired && (g.minAge ?? 0) <= n && n <= (g.maxAge ?? 200))
      : undefined;
    set(group ? { age, ageGroupId: String(group.id) } : { age });
  };

  return (
    <>
      {helplines && (
        <HelplineSelect helplines={helplines} value={values.helplineId} onChange={(helplineId) => set({ helplineId, ...NO_CATEGORIES })} />
      )}
      <ChoiceRadios
        name="channel"
        legend={t('contactForm.channel')}
        choices={channels.map((c) => ({ value: c, label: t(`enums.channel.${c}`) }))}
        value={values.channel}
        onChange={(v) => set({ channel: v as Channel })}
        error={errors.channel}
        columns
      />
      <ChoiceRadios
        name="kind"
        legend={t('contactForm.kind')}
        choices={CONTACT_KINDS.map((k) => ({ value: k, label: t(`enums.kind.${k}`) }))}
        value={values.kind}
        onChange={(v) => set({ kind: v as ContactFormValues['kind'] })}
        error={errors.kind}
        columns
      />
      {values.kind === 'knowledge_request' && (
        <CategorySelect name="bodyTypeId" label={t('contactForm.bodyType')} categories={bodyTypes} value={values.bodyTypeId} onChange={(bodyTypeId) => set({ bodyTypeId })} error={errors.bodyTypeId} />
      )}
      <Textfield
        label={t('contactForm.duration')}
        name="durationMinutes"
        type="number"
        inputMode="numeric"
        min={0}
        max={LIMITS.durationMaxMinutes}
        value={values.durationMinutes}
        onChange={(e) => set({ durationMinutes: e.target.value })}
        error={errors.durationMinutes}
        className="narrow-field"
      />
      <ChoiceRadios name="whoId" legend={t('contactForm.who')} choices={choices(of('who'))} value={values.whoId} onChange={(whoId) => set({ whoId })} error={errors.whoId} columns />
      <ChoiceRadios name="ageGroupId" legend={t('contactForm.ageGroup')} choices={choices(ageGroups)} value={values.ageGroupId} onChange={(ageGroupId) => set({ ageGroupId })} error={errors.ageGroupId} columns />
      <Textfield
        label={t('contactForm.age')}
        description={t('contactForm.ageHint')}
        name="age"
        type="number"
        inputMode="numeric"
        min={0}
        max={120}
        value={values.age}
        onChange={(e) => onAge(e.target.value)}
        error={errors.age}
        className="narrow-field"
      />
      <ChoiceRadios name="genderId" legend={t('contactForm.gender')} choices={choices(of('gender'))} value={values.genderId} onChange={(genderId) => set({ genderId })} error={errors.genderId} columns />
      <CountrySelect value={values.country} onChange={(country) => set({ country })} error={errors.country} />
      <ThemesField themes={of('theme')} subthemes={of('subtheme')} value={values.themes} onChange={(themes) => set({ themes })} error={errors.themes} />
      <Textfield
        label={t('contactForm.summary')}
        description={t('contactForm.summaryHint')}
        name="summary"
        multiline
        rows={3}
        counter={{ limit: LIMITS.summaryMax, over: t('contactForm.counterOver'), under: t('contactForm.counterUnder') }}
        value={values.summary}
        onChange={(e) => set({ summary: e.target.value })}
        error={errors.summary}
      />
      <OutcomesField
        value={values.outcomes}
        onChange={(outcomes) => set({ outcomes })}
        referredToId={values.referredToId}
        onReferredTo={(referredToId) => set({ referredToId })}
        bodyTypes={bodyTypes}
        errors={{ outcomes: errors.outcomes, referredToId: errors.referredToId }}
      />
      <Textfield
        label={t('contactForm.startedAt')}
        description={isNew ? t('contactForm.startedAtHint') : undefined}
        name="startedAt"
        type="datetime-local"
        required
        value={values.startedAt}
        onChange={(e) => set({ startedAt: e.target.value })}
        error={errors.startedAt}
        className="narrow-field narrow-field--wide"
      />
    </>
  );
}
