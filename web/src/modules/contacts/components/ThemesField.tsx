import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/locale.js';
import type { CategoryResponse } from '../../helplines/api.js';
import type { ContactFormValues } from '../form-values.js';
import { useRovingFocus } from './use-roving-focus.js';

type Themes = ContactFormValues['themes'];

interface Props {
  themes: CategoryResponse[];
  subthemes: CategoryResponse[];
  value: Themes;
  onChange: (value: Themes) => void;
  error?: string;
}

const HINT_ID = 'themes-hint';

/**
 * Theme checkboxes as one Tab stop (arrow keys move, Space ticks); a ticked theme reveals its
 * subthemes right below it, as the next Tab stop. Tab then leaves for the summary, instead of
 * walking past every other theme.
 */
export function ThemesField({ themes, subthemes, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const { label } = useLocale();
  const errorId = 'themes-error';
  const chosen = (themeId: number) => value.find((v) => v.themeId === themeId);
  const firstChosen = themes.findIndex((th) => chosen(th.id));
  const roving = useRovingFocus(themes.length, Math.max(firstChosen, 0));

  const toggleTheme = (themeId: number, on: boolean) =>
    onChange(on ? [...value, { themeId, subthemeIds: [] }] : value.filter((v) => v.themeId !== themeId));

  const setSubs = (themeId: number, subthemeIds: number[]) => onChange(value.map((v) => (v.themeId !== themeId ? v : { ...v, subthemeIds })));

  const describedBy = [HINT_ID, error ? errorId : ''].filter(Boolean).join(' ');

  return (
    <Fieldset>
      <Fieldset.Legend>{t('contactForm.themes')}</Fieldset.Legend>
      <Fieldset.Description id={HINT_ID}>{t('contactForm.arrowKeysHint')}</Fieldset.Description>
      {themes.map((theme, i) => {
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
              aria-describedby={describedBy}
              {...roving.itemProps(i)}
            />
            {entry && subs.length > 0 && (
              <SubthemeGroup
                legend={t('contactForm.subthemesOf', { theme: label(theme.label) })}
                subs={subs.map((s) => ({ id: s.id, label: label(s.label) }))}
                value={entry.subthemeIds}
                onChange={(ids) => setSubs(theme.id, ids)}
              />
            )}
          </div>
        );
      })}
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Fieldset>
  );
}

interface SubthemeProps {
  legend: string;
  subs: { id: number; label: string }[];
  value: number[];
  onChange: (ids: number[]) => void;
}

/** The subthemes of one chosen theme: one Tab stop too, arrow keys within. */
function SubthemeGroup({ legend, subs, value, onChange }: SubthemeProps) {
  const firstChosen = subs.findIndex((s) => value.includes(s.id));
  const roving = useRovingFocus(subs.length, Math.max(firstChosen, 0));
  return (
    <Fieldset className="field-nested" data-size="sm">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {subs.map((sub, i) => (
        <Checkbox
          key={sub.id}
          name="subthemeIds"
          value={String(sub.id)}
          label={sub.label}
          checked={value.includes(sub.id)}
          onChange={(e) => onChange(e.target.checked ? [...value, sub.id] : value.filter((s) => s !== sub.id))}
          aria-describedby={HINT_ID}
          {...roving.itemProps(i)}
        />
      ))}
    </Fieldset>
  );
}
