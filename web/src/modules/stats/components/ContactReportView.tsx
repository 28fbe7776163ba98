import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { useLocale } from '../../../shared/locale.js';
import { formatNumber } from '../../../../../src/shared/i18n/report-labels.js';
import { reportHtmlUrl, type ReportParams } from '../api.js';
import { useReport } from '../hooks.js';
import { PrintableLink } from './PrintableLink.js';
import { ReportTableView } from './ReportTableView.js';
import { ReportViewNote } from './ReportViewNote.js';
import { SummaryCards } from './SummaryCards.js';

/** The helpline's annual report of contacts (seed 002, sections 3–4): key figures, then each table. */
export function ContactReportView({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const report = useReport(params);
  return (
    <div className="stack" aria-busy={report.isFetching}>
      {report.isFetching && <Loading />}
      <ErrorAlert error={report.error} />
      {report.data && (
        <>
          <ReportViewNote internal={report.data.view === 'internal'} threshold={report.data.threshold ?? 5} />
          <PrintableLink href={reportHtmlUrl(params)} label={t('stats.printable')} />
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
  );
}
