import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { caseReportHtmlUrl, type ReportParams } from '../api.js';
import { useCaseReport } from '../hooks.js';
import { CaseSummaryCards } from './CaseSummaryCards.js';
import { PrintableLink } from './PrintableLink.js';
import { ReportTableView } from './ReportTableView.js';
import { ReportViewNote } from './ReportViewNote.js';

/**
 * The follow-up report (seed 002, section 5) on screen: the same figures, suppression and
 * downloads as its printable page, with each table's chart drawn in the browser.
 */
export function CaseReportView({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const report = useCaseReport(params);
  return (
    <div className="stack" aria-busy={report.isFetching}>
      {report.isFetching && <Loading />}
      <ErrorAlert error={report.error} />
      {report.data && (
        <>
          <ReportViewNote internal={!report.data.suppressed} threshold={report.data.threshold} />
          <PrintableLink href={caseReportHtmlUrl(params)} label={t('stats.printableCases')} />
          <CaseSummaryCards report={report.data} />
          {report.data.tables.map((table) => (
            <ReportTableView key={table.id} table={table} params={params} kind="cases" />
          ))}
        </>
      )}
    </div>
  );
}
