import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useShortDate } from '../short-date.js';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { fetchDueTasks } from '../api.js';
import { useTaskLabel } from './TasksSection.js';

/** The caseload's to-do list: tasks and time-limit reminders due within 14 days, soonest first. */
export function DueTasks({ scope }: { scope: 'mine' | 'service' }) {
  const { t } = useTranslation();
  const day = useShortDate();
  const due = useQuery({ queryKey: ['cases', 'tasks', scope], queryFn: () => fetchDueTasks(scope) });
  const label = useTaskLabel();
  const today = new Date().toISOString().slice(0, 10);
  if (!due.data?.length && !due.error) return null;
  return (
    <section className="stack" aria-labelledby="due-heading">
      <Heading level={2} data-size="sm" id="due-heading">
        {t('cases.dueTitle')}
      </Heading>
      <ErrorAlert error={due.error} />
      <ul className="plain-list">
        {due.data?.map((task) => (
          <li key={task.id}>
            <Paragraph data-size="sm">
              <strong>{t(task.dueOn < today ? 'cases.overdue' : 'cases.dueOnLabel', { date: day(task.dueOn) })}</strong>
              {': '}
              <Link to={`/cases/${task.caseId}`} className="ds-link">{task.pseudonym}</Link>
              {' – '}
              {label(task)}
            </Paragraph>
          </li>
        ))}
      </ul>
    </section>
  );
}
