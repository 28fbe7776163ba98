import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../src/shared/enums.js';
import { useChangeLocale } from '../../modules/auth/hooks.js';
import { isLocale } from '../../i18n/index.js';
import { NATIVE_NAMES } from '../locale.js';


export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const changeLocale = useChangeLocale();
  return (
    <Field data-size="sm">
      <Label>{t('layout.language')}</Label>
      <Select
        name="locale"
        value={i18n.language}
        width="auto"
        onChange={(e) => {
          if (isLocale(e.target.value)) changeLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <Select.Option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
