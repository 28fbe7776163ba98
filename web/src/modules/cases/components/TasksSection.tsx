import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortDate } from '../short-date.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { SavedStatus, todayInput } from './SavedStatus.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import type { CaseResponse } from '../api.js';
import { useAddTask, useSetTaskDone } from '../hooks.js';

/** What a task is called: its title, or for a reminder what the time limit asks of the caseworker. */
export function useTaskLabel() {
  const { t } = useTranslation();
  const day = useShortDate();
  return (task: { kind: string; title: string | null; dueOn: string }) => (task.kind === 'time_limit' ? t('cases.timeLimitReminder', { date: day(task.dueOn) }) : task.title ?? '');
}

/** Tasks with due dates on the case, and the time-limit reminders the job runner writes; ticked off here. */
export function TasksSection({ current, editable }: { current: CaseResponse; editable: boolean }) {
  const { t } = useTranslation();
  const day = useShortDate();
  const add = useAddTask(current.id);
  const tick = useSetTaskDone(current.id);
  const label = useTaskLabel();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(todayInput());
  const [done, setDone] = useState('');
  const errors = fieldErrorsOf(add.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    try {
      await add.mutateAsync({ title: title.trim(), dueOn });
      setTitle('');
      setDone(t('cases.taskSaved'));
    } catch {
      /* shown below */
    }
  };

  return (
    <section className="stack" aria-labelledby="tasks-heading">
      <Heading level={2} data-size="sm" id="tasks-heading">
        {t('cases.tasksTitle')}
      </Heading>
      <SavedStatus message={done} />
      <ErrorAlert error={tick.error} />
      {current.tasks.length === 0 ? (
        <Paragraph data-size="sm">{t('cases.noTasks')}</Paragraph>
      ) : (
        <ul className="plain-list">
          {current.tasks.map((task) => (
            <li key={task.id}>
              <Checkbox
                label={`${label(task)} – ${t('cases.taskDue', { date: day(task.dueOn) })}`}
                description={task.doneAt ? t('cases.taskDone', { who: task.doneByName ?? t('history.userGone') }) : undefined}
                checked={!!task.doneAt}
                disabled={!editable || tick.isPending}
                onChange={(e) => void tick.mutateAsync({ taskId: task.id, done: e.target.checked, version: task.version }).catch(() => undefined)}
              />
            </li>
          ))}
        </ul>
      )}
      {editable && current.status !== 'closed' && (
        <form className="stack" onSubmit={submit} aria-label={t('cases.taskNew')} data-size="sm" noValidate>
          <ErrorAlert error={Object.keys(errors).length ? null : add.error} />
          <div className="filter-row filter-row--end">
            <Textfield label={t('cases.taskTitle')} name="title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} error={errors.title} autoComplete="off" />
            <Textfield label={t('cases.taskDueOn')} name="dueOn" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} error={errors.dueOn} />
          </div>
          <div>
            <Button type="submit" loading={add.isPending}>{t('cases.taskSave')}</Button>
          </div>
        </form>
      )}
    </section>
  );
}
