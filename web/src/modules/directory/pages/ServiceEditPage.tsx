import { Button, Checkbox, Heading, Paragraph, Textarea, Textfield, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorMessage } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { isApiError } from '../../../shared/http.js';
import { longCalendarDate } from '../../../shared/locale.js';
import { fetchDirectoryFilters, fetchHsdsService, fetchTaxonomyTerms, saveService } from '../api.js';
import { formFieldOf } from '../components/form-rows.js';
import { OpeningHoursEditor } from '../components/OpeningHoursEditor.js';
import { PlacesEditor } from '../components/PlacesEditor.js';
import { bodyOf, draftOf, sentRowsOf, type Draft } from '../components/service-draft.js';
import { offeredTerms } from '../components/service-terms.js';
import { TermCheckboxes } from '../components/TermCheckboxes.js';

/** Fields whose error the form shows beside them; any other (a stale edit, say) is shown at the foot. */
const SHOWN_BESIDE = /^(name|description|eligibility_description|application_process|fees_description|url|email|minimum_age|maximum_age|phones\.\d+\.(number|description)|schedules\.\d+\.(days|opens_at|closes_at|description)|service_areas\.\d+\.name|target_groups\.\d+|needs\.\d+)$/;
/** National places the search knows ("Norge" serves every Norwegian municipality), offered with the directory's own. */
const COUNTRIES = ['Norge', 'Danmark'];

/** A coordinator corrects or confirms one directory entry; "checked today" sets when it was last verified. */
export function ServiceEditPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const service = useQuery({ queryKey: ['directory', 'service', id], queryFn: () => fetchHsdsService(id) });
  const filters = useQuery({ queryKey: ['directory', 'filters'], queryFn: fetchDirectoryFilters, staleTime: 5 * 60_000 });
  const taxonomyTerms = useQuery({ queryKey: ['directory', 'taxonomy-terms'], queryFn: fetchTaxonomyTerms, staleTime: 5 * 60_000 });
  const terms = useMemo(() => (filters.data && taxonomyTerms.data ? offeredTerms(filters.data, taxonomyTerms.data) : undefined), [filters.data, taxonomyTerms.data]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState('');
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (service.data) setDraft(draftOf(service.data));
  }, [service.data]);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (d: Draft) => saveService(id, bodyOf(d, service.data?.last_modified ?? null)),
    onSuccess: (saved) => {
      queryClient.setQueryData(['directory', 'service', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['directory', 'admin'] });
      void queryClient.invalidateQueries({ queryKey: ['directory', 'filters'] });
      setMessage(t('directoryAdmin.saved'));
    },
    onError: (err, sent) => {
      // To the field at fault (a list's first box when the API names one of its terms).
      const field = formFieldOf(isApiError(err) ? err.field : undefined, sentRowsOf(sent));
      if (!field) return;
      const at = form.current?.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`) ?? form.current?.querySelector<HTMLElement>(`[name="${CSS.escape(field.split('.')[0])}"]`);
      at?.focus();
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
  // The field the API refused, as this form names it, and what to say beside it.
  const errorField = save.variables ? formFieldOf(isApiError(save.error) ? save.error.field : undefined, sentRowsOf(save.variables)) : undefined;
  const besideField = errorField && SHOWN_BESIDE.test(errorField) ? errorField : undefined;
  const errorAt = (field: string) => (besideField === field ? errorMessage(save.error, t) : undefined);
  const termError = (list: string) => (besideField?.startsWith(`${list}.`) ? t('directoryAdmin.errors.term') : undefined);
  const verified = service.data.assured_date ? longCalendarDate(service.data.assured_date, i18n.language) : t('directoryAdmin.never');
  const area = (name: keyof Draft, label: string) => (
    <Field>
      <Label>{label}</Label>
      <Textarea name={name} rows={3} value={String(draft[name] ?? '')} onChange={(e) => set({ [name]: e.target.value } as Partial<Draft>)} aria-invalid={errorAt(name) ? true : undefined} />
      {errorAt(name) && <ValidationMessage>{errorAt(name)}</ValidationMessage>}
    </Field>
  );
  return (
    <form className="stack" onSubmit={submit} noValidate ref={form}>
      <Paragraph data-size="sm">
        <Link className="ds-link" to="/directory">
          {t('directoryAdmin.back')}
        </Link>
      </Paragraph>
      <Heading level={1} data-size="md">
        {service.data.name}
      </Heading>
      <Paragraph data-size="sm">{t('directoryAdmin.lastVerifiedOn', { date: verified })}</Paragraph>
      <Textfield label={t('directoryAdmin.name')} name="name" value={draft.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} error={errorAt('name')} autoFocus />
      {area('description', t('directoryAdmin.description'))}
      {area('eligibility_description', t('findHelp.forWhom'))}
      {area('application_process', t('findHelp.howTo'))}
      {area('fees_description', t('findHelp.fees'))}
      <div className="filter-row">
        <Textfield label={t('directoryAdmin.minAge')} name="minimum_age" type="number" min={0} max={120} value={draft.minimum_age} onChange={(e) => set({ minimum_age: e.target.value })} error={errorAt('minimum_age')} className="narrow-field" />
        <Textfield label={t('directoryAdmin.maxAge')} name="maximum_age" type="number" min={0} max={120} value={draft.maximum_age} onChange={(e) => set({ maximum_age: e.target.value })} error={errorAt('maximum_age')} className="narrow-field" />
      </div>
      <Textfield label={t('directoryAdmin.url')} name="url" type="url" value={draft.url ?? ''} onChange={(e) => set({ url: e.target.value })} error={errorAt('url')} />
      <Textfield label={t('directoryAdmin.email')} name="email" type="email" value={draft.email ?? ''} onChange={(e) => set({ email: e.target.value })} error={errorAt('email')} />
      <fieldset className="stack stack--tight">
        <legend>{t('directoryAdmin.phones')}</legend>
        {draft.phones.map((p, i) => (
          <div className="filter-row filter-row--end" key={i}>
            <Textfield label={t('directoryAdmin.phoneNumber', { n: i + 1 })} name={`phones.${i}.number`} value={p.number} onChange={(e) => set({ phones: draft.phones.map((x, j) => (j === i ? { ...x, number: e.target.value } : x)) })} error={errorAt(`phones.${i}.number`)} />
            <Textfield label={t('directoryAdmin.phoneDescription', { n: i + 1 })} name={`phones.${i}.description`} value={p.description ?? ''} onChange={(e) => set({ phones: draft.phones.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)) })} error={errorAt(`phones.${i}.description`)} />
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
      <OpeningHoursEditor rows={draft.schedules} onChange={(schedules) => set({ schedules })} errorField={besideField} />
      <PlacesEditor places={draft.service_areas} onChange={(service_areas) => set({ service_areas })} errorField={besideField}
        known={[...COUNTRIES, ...(filters.data?.municipalities.map((m) => m.name) ?? [])]} />
      <ErrorAlert error={filters.error ?? taxonomyTerms.error} />
      {terms && (
        <>
          <TermCheckboxes legend={t('directoryAdmin.targetGroups')} name="target_groups" terms={terms.target_groups} selected={draft.target_groups}
            onChange={(target_groups) => set({ target_groups })} error={termError('target_groups')} />
          <TermCheckboxes legend={t('directoryAdmin.needs')} name="needs" terms={terms.needs} selected={draft.needs}
            onChange={(needs) => set({ needs })} error={termError('needs')} />
        </>
      )}
      <Checkbox label={t('directoryAdmin.verifiedToday')} checked={draft.verified} onChange={(e) => set({ verified: e.target.checked })} />
      <div>
        <Button type="submit" loading={save.isPending}>
          {t('directoryAdmin.save')}
        </Button>
      </div>
      <Paragraph role="status" data-size="sm">
        {message}
      </Paragraph>
      <ErrorAlert error={besideField ? null : save.error} />
    </form>
  );
}
