import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useLocale } from '../../../shared/locale.js';
import { useCan, useCurrentUser } from '../../auth/hooks.js';
import { useHelplines } from '../../helplines/hooks.js';
import type { ReportKind, ReportParams } from '../api.js';
import { CaseReportView } from '../components/CaseReportView.js';
import { ContactReportView } from '../components/ContactReportView.js';
import { ReportFilters } from '../components/ReportFilters.js';
import { ReportKindNav } from '../components/ReportKindNav.js';

/** Statistics: the helpline's contacts or its follow-up casework, for one helpline, year and view. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const kind: ReportKind = search.get('report') === 'cases' ? 'cases' : 'contacts';
  usePageTitle(kind === 'cases' ? `${t('stats.reportKind.cases')} – ${t('stats.title')}` : t('stats.title'));
  const { locale } = useLocale();
  const me = useCurrentUser();
  const can = useCan();
  const helplines = useHelplines();
  const [chosen, setChosen] = useState<string>();
  const [year, setYear] = useState(new Date().getFullYear());
  const [suppress, setSuppress] = useState(true);
  const list = helplines.data ?? [];
  const helplineId = chosen ?? (list.find((h) => me.helplineIds.includes(h.id)) ?? list[0])?.id;
  // The internal view is the helpline's coordinators' only; everyone else always gets the published one.
  const mayViewInternal = !!helplineId && can('stats.internal') && me.helplineIds.includes(helplineId);
  const params: ReportParams | undefined = helplineId ? { helplineId, year, suppress: suppress || !mayViewInternal, lang: locale } : undefined;

  return (
    <div className="stack">
      <Heading level={1} data-size="md">
        {t('stats.title')}
      </Heading>
      <ReportKindNav current={kind} />
      <ErrorAlert error={helplines.error} />
      {helplines.isPending && <Loading />}
      {helplineId && params && (
        <ReportFilters
          helplines={list}
          helplineId={helplineId}
          onHelpline={setChosen}
          year={year}
          onYear={setYear}
          suppress={suppress}
          onSuppress={setSuppress}
          mayViewInternal={mayViewInternal}
        />
      )}
      {!helplines.isPending && !helplineId && (
        <Alert data-color="info">
          <Paragraph>{t('stats.noHelpline')}</Paragraph>
        </Alert>
      )}
      {params && (kind === 'cases' ? <CaseReportView params={params} /> : <ContactReportView params={params} />)}
    </div>
  );
}
