import { Checkbox, Field, Fieldset, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../../src/shared/enums.js';
import { useLocale } from '../../../shared/locale.js';
import type { HelplineResponse } from '../../helplines/api.js';

/** A user's role: the same field when a user is created and when an administrator changes it. */
export function RoleField({ value, onChange, error, autoFocus }: { value: Role; onChange: (role: Role) => void; error?: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label>{t('users.role')}</Label>
      <Select name="role" value={value} onChange={(e) => onChange(e.target.value as Role)} autoFocus={autoFocus}>
        {ROLES.map((r) => (
          <Select.Option key={r} value={r}>
            {t(`enums.role.${r}`)}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

/** The helplines a user works on, one checkbox each. */
export function HelplineCheckboxes({ helplines, selected, onToggle, error }: { helplines: HelplineResponse[]; selected: string[]; onToggle: (id: string, on: boolean) => void; error?: string }) {
  const { t } = useTranslation();
  const { label } = useLocale();
  return (
    <Fieldset>
      <Fieldset.Legend>{t('users.helplines')}</Fieldset.Legend>
      {helplines.map((h) => (
        <Checkbox key={h.id} name="helplineIds" value={h.id} label={label(h.name)} checked={selected.includes(h.id)} onChange={(e) => onToggle(h.id, e.target.checked)} />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
