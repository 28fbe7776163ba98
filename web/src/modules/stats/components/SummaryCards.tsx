import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../api.js';

function SummaryCard({ title, value, detail }: { title: string; value: string; detail?: string }) {
  return (
    <Card data-color="neutral">
      <Heading level={3} data-size="2xs">
        {title}
      </Heading>
      <p className="card-figure">{value}</p>
      {detail && <Paragraph data-size="sm">{detail}</Paragraph>}
    </Card>
  );
}

/** Key figures of the year, with the change from the year before. */
export function SummaryCards({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | string) => (typeof v === 'number' ? v.toLocaleString(i18n.language) : v);
  const s = report.summary;
  const change =
    s.changePercent === null
      ? t('stats.noPrevious', { year: report.year - 1 })
      : t('stats.change', {
          percent: `${s.changePercent > 0 ? '+' : ''}${s.changePercent.toLocaleString(i18n.language, { maximumFractionDigits: 1 })}`,
          year: report.year - 1,
          previous: n(s.previousTotal),
        });
  return (
    <section aria-labelledby="summary-heading">
      <Heading level={2} data-size="sm" id="summary-heading" className="visually-hidden">
        {t('stats.summary')}
      </Heading>
      <div className="cards">
        <SummaryCard title={t('stats.totalFirst')} value={n(s.total)} detail={change} />
        <SummaryCard title={t('stats.fromIndividuals')} value={n(s.firstContactsFromIndividuals)} />
        <SummaryCard title={t('stats.knowledgeRequests')} value={n(s.knowledgeRequests)} />
        <SummaryCard title={t('stats.followUpCases')} value={n(s.followUpCases)} />
      </div>
    </section>
  );
}
