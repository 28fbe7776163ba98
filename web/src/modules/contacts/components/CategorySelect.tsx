import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/locale.js';
import type { CategoryResponse } from '../../helplines/api.js';

interface Props {
  name: string;
  label: string;
  categories: CategoryResponse[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** A native select of taxonomy categories (type a letter to jump), with "not chosen" first. */
export function CategorySelect({ name, label, categories, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const { label: pick } = useLocale();
  return (
    <Field>
      <Label>{label}</Label>
      <Select name={name} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} width="auto">
        <Select.Option value="">{t('contactForm.notChosen')}</Select.Option>
        {categories.map((c) => (
          <Select.Option key={c.id} value={String(c.id)}>
            {pick(c.label)}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
