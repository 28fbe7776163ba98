import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortDate } from '../short-date.js';
import { ACTIVITY_CATEGORIES, MEETING_ROLES } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { SavedStatus, todayInput } from './SavedStatus.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import type { ActivityInput, CaseResponse } from '../api.js';
import { useLogActivity } from '../hooks.js';
import { useHelplines } from '../../helplines/hooks.js';


/** The follow-up activity log, newest first, and a form to log one (seed 002's categories). */
export function ActivitiesSection({ current, editable }: { current: CaseResponse; editable: boolean }) {
  const { t } = useTranslation();
  const day = useShortDate();
  const log = useLogActivity(current.id);
  // The categories the case's service uses (its helpline file), in its order; all of seed 002's until known.
  const categories = useHelplines().data?.find((h) => h.id === current.helplineId)?.caseActivityCategories ?? ACTIVITY_CATEGORIES;
  const [chosen, setCategory] = useState<string>('');
  const category = chosen || categories[0];
  const [happenedOn, setHappenedOn] = useState(todayInput());
  const [duration, setDuration] = useState('');
  const [meetingRole, setMeetingRole] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const errors = fieldErrorsOf(log.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const body: ActivityInput = {
      category, happenedOn,
      durationMinutes: duration.trim() ? Number(duration) : null,
      meetingRole: category === 'external_meeting' && meetingRole ? meetingRole : null,
      note: note.trim() || null,
    };
    try {
      await log.mutateAsync(body);
      setDuration('');
      setNote('');
      setDone(t('cases.activitySaved'));
    } catch {
      /* shown below */
    }
  };

  return (
    <section className="stack" aria-labelledby="activities-heading">
      <Heading level={2} data-size="sm" id="activities-heading">
        {t('cases.activitiesTitle')}
      </Heading>
      <SavedStatus message={done} />
      {editable && current.status !== 'closed' && (
        <form className="stack" onSubmit={submit} aria-label={t('cases.activityNew')} data-size="sm" noValidate>
          <ErrorAlert error={Object.keys(errors).length ? null : log.error} />
          <div className="filter-row filter-row--end">
            <Field>
              <Label>{t('cases.activityCategory')}</Label>
              <Select name="category" value={category} onChange={(e) => setCategory(e.target.value)} width="auto">
                {categories.map((a) => (
                  <Select.Option key={a} value={a}>{t(`cases.activityCategories.${a}`)}</Select.Option>
                ))}
              </Select>
            </Field>
            <Textfield label={t('cases.activityDate')} name="happenedOn" type="date" value={happenedOn} onChange={(e) => setHappenedOn(e.target.value)} error={errors.happenedOn} />
            <Textfield label={t('cases.activityDuration')} name="durationMinutes" type="number" inputMode="numeric" min={0} max={1440} value={duration} onChange={(e) => setDuration(e.target.value)} error={errors.durationMinutes} className="narrow-field" />
            {category === 'external_meeting' && (
              <Field>
                <Label>{t('cases.activityRole')}</Label>
                <Select name="meetingRole" value={meetingRole} onChange={(e) => setMeetingRole(e.target.value)} width="auto">
                  <Select.Option value="">–</Select.Option>
                  {MEETING_ROLES.map((r) => (
                    <Select.Option key={r} value={r}>{t(`cases.meetingRoles.${r}`)}</Select.Option>
                  ))}
                </Select>
              </Field>
            )}
          </div>
          <Textfield label={t('cases.activityNote')} description={t('cases.activityNoteHint')} name="note" multiline rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
          <div>
            <Button type="submit" loading={log.isPending}>{t('cases.activitySave')}</Button>
          </div>
        </form>
      )}
      {current.activities.length === 0 ? (
        <Paragraph data-size="sm">{t('cases.noActivities')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra data-size="sm">
            <caption className="visually-hidden">{t('cases.activitiesCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('cases.activityDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.activityCategory')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.activityDuration')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.activityBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.activityNote')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {current.activities.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>{day(a.happenedOn)}</Table.Cell>
                  <Table.Cell>{t(`cases.activityCategories.${a.category}`)}{a.meetingRole ? ` (${t(`cases.meetingRoles.${a.meetingRole}`)})` : ''}</Table.Cell>
                  <Table.Cell>{a.durationMinutes ?? '–'}</Table.Cell>
                  <Table.Cell>{a.byName ?? t('history.userGone')}</Table.Cell>
                  <Table.Cell>{a.note ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
