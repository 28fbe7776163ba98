import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useCan, useCurrentUser } from '../../auth/hooks.js';
import { CaseStatusActions } from '../components/CaseStatusActions.js';
import { ConsentSection } from '../components/ConsentSection.js';
import { PersonSection } from '../components/PersonSection.js';
import { ReferralsSection } from '../components/ReferralsSection.js';
import { ActivitiesSection } from '../components/ActivitiesSection.js';
import { AccessLogSection } from '../components/AccessLogSection.js';
import { ProtectionSection } from '../components/ProtectionSection.js';
import { MailSection } from '../components/MailSection.js';
import { DataProtectionSection } from '../components/DataProtectionSection.js';
import { TasksSection } from '../components/TasksSection.js';
import { Timeline } from '../components/Timeline.js';
import { HandOverSection } from '../components/HandOverSection.js';
import { CaseChecklistsLink } from '../../checklists/components/CaseChecklistsLink.js';
import { useCase } from '../hooks.js';

/** One case: who it is for (a pseudonym), its group, status, owner and dates, the contacts it grew from, and its status actions. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const found = useCase(id);
  usePageTitle(found.data ? (found.data.anonymisedAt ? t('cases.anonymisedTitle') : found.data.pseudonym) : t('nav.cases'));
  if (found.isPending) return <Loading />;
  if (found.error) return <ErrorAlert error={found.error} />;
  const c = found.data;
  // An anonymised case takes no change (the server refuses it): it is shown, not edited.
  const editable = can('case.update') && !c.anonymisedAt;
  const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'long' });
  const rows: [string, string][] = [
    [t('cases.userGroup'), t(`cases.userGroups.${c.userGroup}`)],
    [t('cases.status'), t(`cases.statuses.${c.status}`)],
    [t('cases.owner'), c.ownerName ?? t('history.userGone')],
    [t('cases.opened'), day(c.openedAt)],
    [t('cases.timeLimit'), c.timeLimit ? day(`${c.timeLimit}T12:00:00Z`) : t('cases.noTimeLimit')],
    ...(c.closedAt ? ([[t('cases.closedAt'), day(c.closedAt)], [t('cases.closeReason'), t(`cases.closeReasons.${c.closeReason}`)]] as [string, string][]) : []),
    ...(c.closeOutcome ? ([[t('cases.closeOutcome'), c.closeOutcome]] as [string, string][]) : []),
  ];
  return (
    <div className="stack">
      <Paragraph>
        <Link to="/cases" className="ds-link">
          {t('cases.back')}
        </Link>
      </Paragraph>
      <Heading level={1} data-size="md">
        {c.anonymisedAt ? t('cases.anonymisedTitle') : c.pseudonym}
      </Heading>
      {c.anonymisedAt && (
        <Alert data-color="info">
          <Paragraph data-size="sm">{t('cases.anonymisedOn', { date: day(c.anonymisedAt) })}</Paragraph>
        </Alert>
      )}
      <dl className="case-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {editable && <CaseStatusActions current={c} onReload={() => void found.refetch()} />}
      {editable && c.status !== 'closed' && <HandOverSection current={c} stays={me.role === 'coordinator'} />}
      <TasksSection current={c} editable={editable} />
      <ConsentSection current={c} editable={editable} />
      {/* A new consent starts from an empty form: what a withdrawal removed must not come back from memory. */}
      <PersonSection key={c.consent ? 'consent' : 'none'} current={c} editable={editable} />
      <ProtectionSection key={c.consent ? 'protection-consent' : 'protection-none'} current={c} editable={editable} mayReveal={can('case.protected')} />
      <MailSection current={c} editable={editable} />
      <ActivitiesSection current={c} editable={editable} />
      <ReferralsSection current={c} editable={editable} coordinator={me.role === 'coordinator'} />
      <CaseChecklistsLink caseId={c.id} />
      <Heading level={2} data-size="sm">
        {t('cases.contacts')}
      </Heading>
      {c.contactIds.length === 0 ? (
        <Paragraph data-size="sm">{t('cases.noContacts')}</Paragraph>
      ) : (
        <ul>
          {c.contactIds.map((contactId, i) => (
            <li key={contactId}>
              <Link to={`/contacts/${contactId}`} className="ds-link">
                {t('cases.contactLink', { n: i + 1 })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Timeline current={c} />
      <DataProtectionSection current={c} mayExport={can('case.export')} mayErase={can('case.erase')} />
      {can('case.audit') && <AccessLogSection caseId={c.id} />}
    </div>
  );
}
