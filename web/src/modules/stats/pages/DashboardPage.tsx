import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useLocale } from '../../../shared/locale.js';
import { useCan, useCurrentUser } from '../../auth/hooks.js';
import { useHelplines } from '../../helplines/hooks.js';
import { caseReportHtmlUrl, reportHtmlUrl, type ReportParams } from '../api.js';
import { ReportFilters } from '../components/ReportFilters.js';
import { ReportTableView } from '../components/ReportTableView.js';
import { SummaryCards } from '../components/SummaryCards.js';
import { useReport } from '../hooks.js';
import { formatNumber } from '../../../../../src/shared/i18n/report-labels.js';

export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('stats.title'));
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
  const report = useReport(params);
  const busy = helplines.isPending || report.isFetching;

  return (
    <div className="stack">
      <Heading level={1} data-size="md">
        {t('stats.title')}
      </Heading>
      <ErrorAlert error={helplines.error} />
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
      <div className="stack" aria-busy={busy}>
        {busy && <Loading />}
        <ErrorAlert error={report.error} />
        {report.data && params && (
          <>
            {report.data.view === 'internal' ? (
              <Alert data-color="danger" role="note">
                <Paragraph>
                  <strong>{t('stats.internalBanner')}</strong>
                </Paragraph>
              </Alert>
            ) : (
              <Paragraph data-size="sm">{t('stats.publishedNote', { threshold: report.data.threshold ?? 5 })}</Paragraph>
            )}
            <Paragraph>
              <a className="ds-link" href={reportHtmlUrl(params)} target="_blank" rel="noopener">
                {t('stats.printable')}
                <span className="visually-hidden"> {t('common.newTab')}</span>
              </a>
              {' · '}
              <a className="ds-link" href={caseReportHtmlUrl(params)} target="_blank" rel="noopener">
                {t('stats.printableCases')}
                <span className="visually-hidden"> {t('common.newTab')}</span>
              </a>
            </Paragraph>
            {report.data.demoContacts > 0 && (
              <Alert data-color="warning">
                <Paragraph>{t('stats.demoData', { n: formatNumber(report.data.demoContacts, locale) })}</Paragraph>
              </Alert>
            )}
            <SummaryCards report={report.data} />
            {report.data.tables.map((table) => (
              <ReportTableView key={table.id} table={table} params={params} />
            ))}
          </>
        )}
      </div>
    </div>
  );
}
