import { Button, Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, CONTACT_KINDS } from '../../../../../src/shared/enums.js';
import { useLocale } from '../../../shared/locale.js';
import type { CategoryResponse, HelplineResponse } from '../../helplines/api.js';
import { HelplineSelect } from '../../helplines/components/HelplineSelect.js';
import type { ContactListFilter } from '../api.js';

interface Props {
  value: ContactListFilter;
  onApply: (filter: ContactListFilter) => void;
  helplines: HelplineResponse[];
  helplineId: string | undefined;
  themes: CategoryResponse[];
  /** The counsellor choice: offered to coordinators only. */
  authors?: { id: string; displayName: string }[];
}

/** Period, channel, kind, theme, counsellor and words in summaries; Enter anywhere applies them. */
export function ContactFilters({ value, onApply, helplines, helplineId, themes, authors }: Props) {
  const { t } = useTranslation();
  const { label } = useLocale();
  const [draft, setDraft] = useState<ContactListFilter>(value);
  const set = (patch: ContactListFilter) => setDraft((d) => ({ ...d, ...patch }));
  const any = t('contactList.any');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };

  const select = (name: keyof ContactListFilter, text: string, options: { value: string; label: string }[]) => (
    <Field>
      <Label>{text}</Label>
      <Select name={name} value={draft[name] ?? ''} onChange={(e) => set({ [name]: e.target.value || undefined })} width="auto">
        <Select.Option value="">{any}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );

  return (
    <form role="search" aria-label={t('contactList.filters')} className="stack" onSubmit={submit} data-size="sm">
      <div className="filter-row">
        <HelplineSelect helplines={helplines} value={draft.helplineId ?? helplineId ?? ''} onChange={(id) => set({ helplineId: id, themeId: undefined, counsellorId: undefined })} />
        <Textfield label={t('contactList.from')} name="from" type="date" value={draft.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        <Textfield label={t('contactList.to')} name="to" type="date" value={draft.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        {select('channel', t('contactForm.channel'), CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) })))}
        {select('kind', t('contactForm.kind'), CONTACT_KINDS.map((k) => ({ value: k, label: t(`enums.kind.${k}`) })))}
        {select('themeId', t('contactList.theme'), themes.map((th) => ({ value: String(th.id), label: label(th.label) })))}
        {authors && select('counsellorId', t('contactList.counsellor'), authors.map((a) => ({ value: a.id, label: a.displayName })))}
      </div>
      <div className="filter-row filter-row--end">
        <Textfield
          label={t('contactList.search')}
          description={t('contactList.searchHint')}
          name="q"
          type="search"
          value={draft.q ?? ''}
          onChange={(e) => set({ q: e.target.value || undefined })}
          className="filter-search"
        />
        <Button type="submit">{t('contactList.apply')}</Button>
        <Button
          type="button"
          variant="tertiary"
          onClick={() => {
            const cleared = { helplineId: draft.helplineId };
            setDraft(cleared);
            onApply(cleared);
          }}
        >
          {t('contactList.clear')}
        </Button>
      </div>
    </form>
  );
}
