import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../api.js';
import { ReportCard as SummaryCard } from './ReportCard.js';

/** Key figures of the year, with the change from the year before. */
export function SummaryCards({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | string) => (typeof v === 'number' ? v.toLocaleString(i18n.language) : v);
  const s = report.summary;
  // The comparison names its period: the whole year before, or the same days of it while a year is not over.
  const label = s.period?.previous ?? String(report.year - 1);
  // Mid-sentence: «+28 % mot samme periode i fjor (…)».
  const period = label.charAt(0).toLocaleLowerCase(i18n.language) + label.slice(1);
  const change = (percent: number | null | undefined, previous: number | string | undefined) =>
    percent === null || percent === undefined
      ? t('stats.noChange', { period })
      : t('stats.changeAgainst', {
          percent: `${percent > 0 ? '+' : ''}${percent.toLocaleString(i18n.language, { maximumFractionDigits: 1 })}`,
          period,
          previous: previous === undefined ? '' : n(previous),
        });
  return (
    <section aria-labelledby="summary-heading">
      <Heading level={2} data-size="sm" id="summary-heading" className="visually-hidden">
        {t('stats.summary')}
      </Heading>
      <div className="cards">
        <SummaryCard title={t('stats.totalFirst')} value={n(s.total)} detail={change(s.changePercent, s.previousTotal)} />
        <SummaryCard title={t('stats.fromIndividuals')} value={n(s.firstContactsFromIndividuals)} />
        <SummaryCard title={t('stats.knowledgeRequests')} value={n(s.knowledgeRequests)} />
        <SummaryCard title={t('stats.followUpCases')} value={n(s.followUpCases)} />
        {s.allContacts !== undefined && (
          <SummaryCard title={t('stats.allContacts')} value={n(s.allContacts)} detail={change(s.allChangePercent, s.previousAllContacts)} />
        )}
      </div>
    </section>
  );
}
