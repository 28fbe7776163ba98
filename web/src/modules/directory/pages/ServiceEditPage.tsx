import { Button, Checkbox, Heading, Paragraph, Textarea, Textfield, Field, Label } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { longCalendarDate } from '../../../shared/locale.js';
import { fetchHsdsService, saveService, type HsdsService, type ServiceEditBody } from '../api.js';

type Draft = Omit<ServiceEditBody, 'minimum_age' | 'maximum_age' | 'last_modified'> & { minimum_age: string; maximum_age: string };

const draftOf = (s: HsdsService): Draft => ({
  name: s.name, description: s.description ?? '', eligibility_description: s.eligibility_description ?? '', application_process: s.application_process ?? '',
  fees_description: s.fees_description ?? '', url: s.url ?? '', email: s.email ?? '',
  minimum_age: s.minimum_age === undefined ? '' : String(s.minimum_age), maximum_age: s.maximum_age === undefined ? '' : String(s.maximum_age),
  // The service's own phones; its locations' phones are kept with the locations.
  phones: s.phones.filter((p) => !p.location_id).map((p) => ({ number: p.number, description: p.description ?? '' })),
  verified: false,
});
const orNull = (v: string | null) => (v && v.trim() ? v.trim() : null);

/** A coordinator corrects or confirms one directory entry; "checked today" sets when it was last verified. */
export function ServiceEditPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const service = useQuery({ queryKey: ['directory', 'service', id], queryFn: () => fetchHsdsService(id) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (service.data) setDraft(draftOf(service.data));
  }, [service.data]);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (d: Draft) => saveService(id, {
      ...d, description: orNull(d.description), eligibility_description: orNull(d.eligibility_description), application_process: orNull(d.application_process),
      fees_description: orNull(d.fees_description), url: orNull(d.url), email: orNull(d.email),
      minimum_age: d.minimum_age === '' ? null : Number(d.minimum_age), maximum_age: d.maximum_age === '' ? null : Number(d.maximum_age),
      phones: d.phones.filter((p) => p.number.trim()).map((p) => ({ number: p.number.trim(), description: orNull(p.description) })),
      last_modified: service.data?.last_modified ?? null,
    }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['directory', 'service', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['directory', 'admin'] });
      setMessage(t('directoryAdmin.saved'));
    },
  });
  usePageTitle(service.data?.name ?? t('directoryAdmin.title'));
  if (service.isPending) return <Loading />;
  if (service.error || !service.data || !draft) return <ErrorAlert error={service.error} />;
  const set = (patch: Partial<Draft>) => {
    setMessage('');
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };
  const verified = service.data.assured_date ? longCalendarDate(service.data.assured_date, i18n.language) : t('directoryAdmin.never');
  const area = (name: keyof Draft, label: string) => (
    <Field>
      <Label>{label}</Label>
      <Textarea name={name} rows={3} value={String(draft[name] ?? '')} onChange={(e) => set({ [name]: e.target.value } as Partial<Draft>)} />
    </Field>
  );
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Paragraph data-size="sm">
        <Link className="ds-link" to="/directory">
          {t('directoryAdmin.back')}
        </Link>
      </Paragraph>
      <Heading level={1} data-size="md">
        {service.data.name}
      </Heading>
      <Paragraph data-size="sm">{t('directoryAdmin.lastVerifiedOn', { date: verified })}</Paragraph>
      <Textfield label={t('directoryAdmin.name')} name="name" value={draft.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} autoFocus />
      {area('description', t('directoryAdmin.description'))}
      {area('eligibility_description', t('findHelp.forWhom'))}
      {area('application_process', t('findHelp.howTo'))}
      {area('fees_description', t('findHelp.fees'))}
      <div className="filter-row">
        <Textfield label={t('directoryAdmin.minAge')} name="minimum_age" type="number" min={0} max={120} value={draft.minimum_age} onChange={(e) => set({ minimum_age: e.target.value })} className="narrow-field" />
        <Textfield label={t('directoryAdmin.maxAge')} name="maximum_age" type="number" min={0} max={120} value={draft.maximum_age} onChange={(e) => set({ maximum_age: e.target.value })} className="narrow-field" />
      </div>
      <Textfield label={t('directoryAdmin.url')} name="url" type="url" value={draft.url ?? ''} onChange={(e) => set({ url: e.target.value })} />
      <Textfield label={t('directoryAdmin.email')} name="email" type="email" value={draft.email ?? ''} onChange={(e) => set({ email: e.target.value })} />
      <fieldset className="stack stack--tight">
        <legend>{t('directoryAdmin.phones')}</legend>
        {draft.phones.map((p, i) => (
          <div className="filter-row filter-row--end" key={i}>
            <Textfield label={t('directoryAdmin.phoneNumber', { n: i + 1 })} name={`phones.${i}.number`} value={p.number} onChange={(e) => set({ phones: draft.phones.map((x, j) => (j === i ? { ...x, number: e.target.value } : x)) })} />
            <Textfield label={t('directoryAdmin.phoneDescription', { n: i + 1 })} name={`phones.${i}.description`} value={p.description ?? ''} onChange={(e) => set({ phones: draft.phones.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)) })} />
            <Button type="button" variant="tertiary" onClick={() => set({ phones: draft.phones.filter((_, j) => j !== i) })}>
              {t('directoryAdmin.removePhone', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button type="button" variant="secondary" onClick={() => set({ phones: [...draft.phones, { number: '', description: '' }] })}>
            {t('directoryAdmin.addPhone')}
          </Button>
        </div>
      </fieldset>
      <Checkbox label={t('directoryAdmin.verifiedToday')} checked={draft.verified} onChange={(e) => set({ verified: e.target.checked })} />
      <div>
        <Button type="submit" loading={save.isPending}>
          {t('directoryAdmin.save')}
        </Button>
      </div>
      <Paragraph role="status" data-size="sm">
        {message}
      </Paragraph>
      <ErrorAlert error={save.error} />
    </form>
  );
}
