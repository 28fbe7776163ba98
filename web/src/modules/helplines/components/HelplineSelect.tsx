import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/locale.js';
import type { HelplineResponse } from '../api.js';

interface Props {
  helplines: HelplineResponse[];
  value: string;
  onChange: (id: string) => void;
  name?: string;
}

/** A helpline picker; renders nothing when there is only one helpline to choose. */
export function HelplineSelect({ helplines, value, onChange, name = 'helplineId' }: Props) {
  const { t } = useTranslation();
  const { label } = useLocale();
  if (helplines.length < 2) return null;
  return (
    <Field>
      <Label>{t('common.helpline')}</Label>
      <Select name={name} value={value} onChange={(e) => onChange(e.target.value)} width="auto">
        {helplines.map((h) => (
          <Select.Option key={h.id} value={h.id}>
            {label(h.name)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
