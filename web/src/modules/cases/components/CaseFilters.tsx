import { Button, Field, Label, Select } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, USER_GROUPS } from '../../../../../src/shared/enums.js';
import { DUE_DAYS } from '../../../../../src/shared/schemas/cases.js';
import type { CaseListFilter } from '../api.js';

interface Props {
  value: CaseListFilter;
  onApply: (filter: CaseListFilter) => void;
  /** Coordinators choose between their own cases and the service's. */
  offerScope: boolean;
}

/** Whose cases, status and user group; Enter anywhere applies them. */
export function CaseFilters({ value, onApply, offerScope }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CaseListFilter>(value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const select = (name: keyof CaseListFilter, text: string, options: { value: string; label: string }[], any = true) => (
    <Field>
      <Label>{text}</Label>
      <Select name={name} value={draft[name] ?? ''} onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value || undefined }))} width="auto">
        {any && <Select.Option value="">{t('cases.any')}</Select.Option>}
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form role="search" aria-label={t('cases.filters')} className="stack" onSubmit={submit} data-size="sm">
      <div className="filter-row filter-row--end">
        {offerScope && select('scope', t('cases.scope'), [{ value: 'mine', label: t('cases.scopeMine') }, { value: 'service', label: t('cases.scopeService') }], false)}
        {select('status', t('cases.status'), CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) })))}
        {select('userGroup', t('cases.userGroup'), USER_GROUPS.map((g) => ({ value: g, label: t(`cases.userGroups.${g}`) })))}
        {select('due', t('cases.timeLimit'), [{ value: 'true', label: t('cases.dueSoon', { days: DUE_DAYS }) }])}
        <div>
          <Button type="submit" variant="secondary">
            {t('cases.apply')}
          </Button>
        </div>
      </div>
    </form>
  );
}
