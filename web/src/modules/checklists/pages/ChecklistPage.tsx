import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { nextStepsFor } from '../../../../../src/shared/checklists.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { longCalendarDate } from '../../../shared/locale.js';
import { fetchCaseTicks, fetchChecklist, saveCaseTicks, type Text } from '../api.js';
import { NextSteps } from '../components/NextSteps.js';

/**
 * One checklist as a printable guide. Opened from a case (?case=), what is ticked is saved with the
 * case; otherwise the ticks stay on this page only. Either way the handbook's advice for what is
 * ticked shows at once.
 */
export function ChecklistPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const caseId = useSearchParams()[0].get('case');
  const lang = (['nb', 'da', 'en'].includes(i18n.language) ? i18n.language : 'nb') as keyof Text;
  const checklist = useQuery({ queryKey: ['checklists', id], queryFn: () => fetchChecklist(id), staleTime: Infinity });
  const saved = useQuery({ queryKey: ['checklists', id, 'case', caseId], queryFn: () => fetchCaseTicks(caseId!, id), enabled: !!caseId });
  const [ticked, setTicked] = useState<string[]>([]);
  const [minor, setMinor] = useState(id === 'minor-escalation');
  const [acute, setAcute] = useState(false);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!saved.data) return;
    setTicked(saved.data.itemIds);
    setMinor(saved.data.minor || id === 'minor-escalation');
    setAcute(saved.data.acute);
  }, [saved.data, id]);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => saveCaseTicks(caseId!, id, { itemIds: ticked, minor, acute, version: saved.data?.version ?? 0 }),
    onSuccess: (data) => {
      queryClient.setQueryData(['checklists', id, 'case', caseId], data);
      setMessage(t('checklists.saved'));
    },
  });
  const title = checklist.data?.title[lang] ?? t('checklists.title');
  usePageTitle(title);
  if (checklist.isPending || (caseId && saved.isPending)) return <Loading />;
  if (checklist.error || !checklist.data) return <ErrorAlert error={checklist.error} />;
  const c = checklist.data;
  const toggle = (item: string, on: boolean) => {
    setMessage('');
    setTicked((now) => (on ? [...now, item] : now.filter((x) => x !== item)));
  };
  const steps = nextStepsFor(c, ticked, { minor, acute });
  // What is on screen differs from what the case holds: said next to the save button.
  const base = saved.data ?? { itemIds: [], minor: id === 'minor-escalation', acute: false };
  const dirty = !!caseId && (base.minor !== minor || base.acute !== acute || base.itemIds.length !== ticked.length || base.itemIds.some((x) => !ticked.includes(x)));

  return (
    <div className="stack checklist">
      <Paragraph data-size="sm" className="no-print">
        <Link className="ds-link" to={caseId ? `/cases/${caseId}` : `/checklists`}>
          {caseId ? t('checklists.backToCase') : t('checklists.allLists')}
        </Link>
      </Paragraph>
      <Heading level={1} data-size="md">
        {title}
      </Heading>
      <Paragraph>{c.intro[lang]}</Paragraph>
      <Paragraph data-size="sm" className="service-card__muted">
        {t('checklists.source', { line: c.source.line, date: longCalendarDate(c.last_verified, lang) })}
      </Paragraph>
      {!caseId && <Alert data-color="info" className="no-print">{t('checklists.notSaved')}</Alert>}
      <div className="filter-row no-print">
        <Checkbox label={t('checklists.minor')} checked={minor} disabled={id === 'minor-escalation'} onChange={(e) => { setMinor(e.target.checked); setMessage(''); }} />
        <Checkbox label={t('checklists.acute')} checked={acute} onChange={(e) => { setAcute(e.target.checked); setMessage(''); }} />
      </div>
      {c.sections.map((s) => (
        <Fieldset key={s.id} className="checklist__section">
          <Fieldset.Legend>{s.title[lang]}</Fieldset.Legend>
          {(s.groups?.length ? s.groups : [{ id: '', title: null }]).map((g) => {
            const items = s.items.filter((i) => (g.id ? i.group === g.id : !i.group || !s.groups?.some((x) => x.id === i.group)));
            if (!items.length) return null;
            return (
              <div key={g.id || 'all'} className="stack stack--tight">
                {g.title && <Paragraph data-size="sm" className="checklist__group">{g.title[lang]}</Paragraph>}
                {items.map((item) => (
                  <Checkbox key={item.id} name={item.id} label={item.text[lang]} checked={ticked.includes(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
                ))}
              </div>
            );
          })}
          {s.reference && <Paragraph data-size="xs" className="service-card__muted">{s.reference}</Paragraph>}
        </Fieldset>
      ))}
      {(c.next_steps.length > 0 || c.routes) && <NextSteps steps={steps} minor={minor} acute={acute} />}
      <div className="filter-row no-print">
        {caseId && (
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('checklists.save')}
          </Button>
        )}
        <Button variant="secondary" onClick={() => window.print()}>
          {t('checklists.print')}
        </Button>
      </div>
      <Paragraph role="status" data-size="sm">
        {dirty ? t('checklists.unsaved') : message}
      </Paragraph>
      <ErrorAlert error={save.error ?? saved.error} />
    </div>
  );
}
