import { Button, Checkbox, Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryFilters, DirectoryQuery } from '../api.js';

/** Language names in their own language, as a person looking for one would know it. */
const LANGUAGE_NAMES: Record<string, string> = { nb: 'Norsk bokmål', nn: 'Nynorsk', da: 'Dansk', en: 'English', se: 'Davvisámegiella' };

/** Words, and the filters the directory offers; Enter anywhere searches. */
export function DirectorySearchForm({ filters, onSearch }: { filters: DirectoryFilters | undefined; onSearch: (q: DirectoryQuery) => void }) {
  const { t, i18n } = useTranslation();
  // The directory names its terms in Norwegian; the page's language names those it knows, in its own alphabetical order.
  const termOptions = (terms: { code: string; name: string }[] | undefined) =>
    (terms ?? []).map((g) => ({ value: g.code, label: t(`directoryTerms.${g.code}`, { defaultValue: g.name }) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const [draft, setDraft] = useState<DirectoryQuery>({});
  const set = (patch: Partial<DirectoryQuery>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined && v !== '')) as DirectoryQuery);
  };
  const select = (name: 'target_group' | 'need' | 'municipality' | 'language', label: string, options: { value: string; label: string }[]) => (
    <Field>
      <Label>{label}</Label>
      <Select name={name} value={draft[name] ?? ''} onChange={(e) => set({ [name]: e.target.value || undefined })} width="auto">
        <Select.Option value="">{t('findHelp.any')}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form role="search" aria-label={t('findHelp.searchLabel')} className="stack" onSubmit={submit}>
      <div className="find-help__query">
        <Textfield label={t('findHelp.query')} description={t('findHelp.queryHint')} name="q" value={draft.q ?? ''} maxLength={200} onChange={(e) => set({ q: e.target.value })} autoComplete="off" spellCheck={false} />
        <div>
          <Button type="submit">{t('findHelp.search')}</Button>
        </div>
      </div>
      <details className="find-help__filters">
        <summary>{t('findHelp.filters')}</summary>
        <div className="filter-row filter-row--end" data-size="sm">
          {select('target_group', t('findHelp.targetGroup'), termOptions(filters?.target_groups))}
          {select('need', t('findHelp.need'), termOptions(filters?.needs))}
          {select('municipality', t('findHelp.municipality'), (filters?.municipalities ?? []).map((m) => ({ value: m.name, label: m.name })))}
          {select('language', t('findHelp.language'), (filters?.languages ?? []).map((l) => ({ value: l.code, label: LANGUAGE_NAMES[l.code] ?? l.code })))}
          <Textfield label={t('findHelp.age')} name="age" type="number" inputMode="numeric" min={0} max={120} value={draft.age ?? ''} onChange={(e) => set({ age: e.target.value || undefined })} className="narrow-field" />
          <Checkbox name="open_now" label={t('findHelp.openNowOnly')} checked={draft.open_now === 'true'} onChange={(e) => set({ open_now: e.target.checked ? 'true' : undefined })} />
        </div>
      </details>
    </form>
  );
}
