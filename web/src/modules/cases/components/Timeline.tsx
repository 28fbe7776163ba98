import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortDate } from '../short-date.js';
import type { CaseResponse } from '../api.js';
import { useTaskLabel } from './TasksSection.js';

interface Entry {
  /** ISO date (or date-time) it happened: the order. */
  at: string;
  text: string;
}

/**
 * One case's story in one list, newest first: the contacts it grew from, consent, activities with
 * their notes, referrals and their outcomes, mail, and tasks done (issue 9 point 6). Built from
 * what the case page already holds; the sections above are where things are changed.
 */
export function Timeline({ current: c }: { current: CaseResponse }) {
  const { t } = useTranslation();
  const day = useShortDate();
  const [all, setAll] = useState(false);
  const label = useTaskLabel();
  const entries: Entry[] = [
    ...c.contacts.map((k) => ({ at: k.startedAt, text: t('cases.timeline.contact', { channel: t(`enums.channel.${k.channel}`, { defaultValue: k.channel }) }) })),
    ...(c.consent ? [{ at: c.consent.givenOn, text: t('cases.timeline.consent', { form: t(`cases.consentForms.${c.consent.form}`) }) }] : []),
    ...(c.consentWithdrawnOn ? [{ at: c.consentWithdrawnOn, text: t('cases.timeline.consentWithdrawn') }] : []),
    ...c.activities.map((a) => ({ at: a.happenedOn, text: [t(`cases.activityCategories.${a.category}`), a.note].filter(Boolean).join(': ') })),
    ...c.referrals.flatMap((r) => [
      { at: r.referredOn, text: [t('cases.timeline.referral', { agency: t(`cases.agencies.${r.agencyType}`) }), r.reason].filter(Boolean).join(': ') },
      ...(r.outcomeOn ? [{ at: r.outcomeOn, text: [t('cases.timeline.referralOutcome', { agency: t(`cases.agencies.${r.agencyType}`) }), r.outcome].filter(Boolean).join(': ') }] : []),
    ]),
    ...c.mailItems.flatMap((m) => [
      { at: m.receivedOn, text: t('cases.timeline.mail', { sender: m.sender ?? '–' }) },
      ...(m.handledOn ? [{ at: m.handledOn, text: t(`cases.timeline.mailHandled.${m.handled}`) }] : []),
    ]),
    ...c.tasks.filter((k) => k.doneAt).map((k) => ({ at: k.doneAt!, text: t('cases.timeline.taskDone', { task: label(k) }) })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const shown = all ? entries : entries.slice(0, 20);

  return (
    <section className="stack" aria-labelledby="timeline-heading">
      <Heading level={2} data-size="sm" id="timeline-heading">
        {t('cases.timelineTitle')}
      </Heading>
      {entries.length === 0 ? (
        <Paragraph data-size="sm">{t('cases.timelineEmpty')}</Paragraph>
      ) : (
        <ol className="plain-list timeline">
          {shown.map((e, i) => (
            <li key={i}>
              <span>{day(e.at)}</span>
              <span>{e.text}</span>
            </li>
          ))}
        </ol>
      )}
      {entries.length > shown.length && (
        <div>
          <Button variant="tertiary" onClick={() => setAll(true)}>{t('cases.timelineAll', { count: entries.length })}</Button>
        </div>
      )}
    </section>
  );
}
