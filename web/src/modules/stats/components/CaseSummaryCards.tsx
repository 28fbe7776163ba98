import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CaseReport } from '../api.js';
import { ReportCard } from './ReportCard.js';

/** The follow-up year's key figures: users, activities, referrals, mail received, physical meetings. */
export function CaseSummaryCards({ report }: { report: CaseReport }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | string) => (typeof v === 'number' ? v.toLocaleString(i18n.language) : v);
  const s = report.summary;
  return (
    <section aria-labelledby="case-summary-heading">
      <Heading level={2} data-size="sm" id="case-summary-heading" className="visually-hidden">
        {t('stats.summary')}
      </Heading>
      <div className="cards">
        <ReportCard title={t('stats.cases.users')} value={n(s.users)} />
        <ReportCard title={t('stats.cases.activities')} value={n(s.activities)} />
        <ReportCard title={t('stats.cases.referrals')} value={n(s.referrals)} />
        <ReportCard title={t('stats.cases.mailItems')} value={n(s.mailItems)} />
        <ReportCard title={t('stats.cases.physicalMeetings')} value={n(s.physicalMeetings)} />
      </div>
    </section>
  );
}
