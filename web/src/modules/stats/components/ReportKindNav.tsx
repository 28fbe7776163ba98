import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportKind } from '../api.js';

const KINDS: ReportKind[] = ['contacts', 'cases'];

/**
 * The dashboard's two reports as links, not tabs: each has its own address, so a coordinator can
 * bookmark or send the follow-up report, and the browser's back button goes between them.
 */
export function ReportKindNav({ current }: { current: ReportKind }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('stats.reportKinds')} className="segmented">
      {KINDS.map((kind) => (
        <Link key={kind} to={kind === 'contacts' ? '/dashboard' : '/dashboard?report=cases'} aria-current={kind === current ? 'page' : undefined} className="segmented-item">
          {t(`stats.reportKind.${kind}`)}
        </Link>
      ))}
    </nav>
  );
}
