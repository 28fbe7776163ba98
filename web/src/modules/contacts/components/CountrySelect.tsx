import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_NOT_ASKED, COUNTRY_NOT_STATED } from '../../../../../src/shared/enums.js';
import { countryOptions } from '../../../shared/countries.js';
import { useLocale } from '../../../shared/locale.js';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** Country background: "not asked" (default), "not stated", then every country by its local name. */
export function CountrySelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  return (
    <Field>
      <Label>{t('contactForm.country')}</Label>
      <Select name="country" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} width="auto">
        <Select.Option value={COUNTRY_NOT_ASKED}>{t('contactForm.countryNotAsked')}</Select.Option>
        <Select.Option value={COUNTRY_NOT_STATED}>{t('contactForm.countryNotStated')}</Select.Option>
        <Select.Optgroup label={t('contactForm.countries')}>
          {countries.map((c) => (
            <Select.Option key={c.code} value={c.code}>
              {c.name}
            </Select.Option>
          ))}
        </Select.Optgroup>
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
