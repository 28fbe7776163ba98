import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/locale.js';
import type { CategoryResponse } from '../../helplines/api.js';
import type { ContactFormValues } from '../form-values.js';

type Themes = ContactFormValues['themes'];

interface Props {
  themes: CategoryResponse[];
  subthemes: CategoryResponse[];
  value: Themes;
  onChange: (value: Themes) => void;
  error?: string;
}

/** Theme checkboxes; a checked theme reveals its subthemes right below it, next in tab order. */
export function ThemesField({ themes, subthemes, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const { label } = useLocale();
  const errorId = 'themes-error';
  const chosen = (themeId: number) => value.find((v) => v.themeId === themeId);

  const toggleTheme = (themeId: number, on: boolean) =>
    onChange(on ? [...value, { themeId, subthemeIds: [] }] : value.filter((v) => v.themeId !== themeId));

  const toggleSub = (themeId: number, subId: number, on: boolean) =>
    onChange(
      value.map((v) =>
        v.themeId !== themeId
          ? v
          : { ...v, subthemeIds: on ? [...v.subthemeIds, subId] : v.subthemeIds.filter((s) => s !== subId) },
      ),
    );

  return (
    <Fieldset>
      <Fieldset.Legend>{t('contactForm.themes')}</Fieldset.Legend>
      {themes.map((theme) => {
        const entry = chosen(theme.id);
        const subs = subthemes.filter((s) => s.parentId === theme.id);
        return (
          <div key={theme.id}>
            <Checkbox
              name="themes"
              value={String(theme.id)}
              label={label(theme.label)}
              checked={!!entry}
              onChange={(e) => toggleTheme(theme.id, e.target.checked)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
            {entry && subs.length > 0 && (
              <Fieldset className="field-nested" data-size="sm">
                <Fieldset.Legend>{t('contactForm.subthemesOf', { theme: label(theme.label) })}</Fieldset.Legend>
                {subs.map((sub) => (
                  <Checkbox
                    key={sub.id}
                    name="subthemeIds"
                    value={String(sub.id)}
                    label={label(sub.label)}
                    checked={entry.subthemeIds.includes(sub.id)}
                    onChange={(e) => toggleSub(theme.id, sub.id, e.target.checked)}
                  />
                ))}
              </Fieldset>
            )}
          </div>
        );
      })}
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Fieldset>
  );
}
