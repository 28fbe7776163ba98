import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortDate } from '../short-date.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { SavedStatus, todayInput } from './SavedStatus.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import type { CaseResponse } from '../api.js';
import { useRecordMailHandled, useRecordMailItem } from '../hooks.js';

/**
 * The mail register of a mail agreement (seed 002, "Postavtaler"): each item received, and
 * whether the person collected it or it was forwarded. No address here: forwarding takes the
 * address from the protected-address section, after a stated reason.
 */
export function MailSection({ current, editable }: { current: CaseResponse; editable: boolean }) {
  const { t } = useTranslation();
  const day = useShortDate();
  const receive = useRecordMailItem(current.id);
  const handle = useRecordMailHandled(current.id);
  const [receivedOn, setReceivedOn] = useState(todayInput());
  const [sender, setSender] = useState('');
  const [done, setDone] = useState('');
  const errors = fieldErrorsOf(receive.error);
  const agreement = !!current.protection?.mailAgreementOn;
  if (!agreement && current.mailItems.length === 0) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    try {
      await receive.mutateAsync({ receivedOn, sender: sender.trim() || null });
      setSender('');
      setDone(t('cases.mailSaved'));
    } catch {
      /* shown below */
    }
  };

  const mark = async (item: CaseResponse['mailItems'][number], handled: 'collected' | 'forwarded') => {
    setDone('');
    try {
      await handle.mutateAsync({ itemId: item.id, handled, handledOn: todayInput(), version: item.version });
      setDone(t(`cases.mailMarked.${handled}`));
    } catch {
      /* shown below */
    }
  };

  return (
    <section className="stack" aria-labelledby="mail-heading">
      <Heading level={2} data-size="sm" id="mail-heading">
        {t('cases.mailTitle')}
      </Heading>
      <SavedStatus message={done} />
      <ErrorAlert error={handle.error} />
      {editable && agreement && current.status !== 'closed' && (
        <form className="stack" onSubmit={submit} aria-label={t('cases.mailNew')} data-size="sm" noValidate>
          <ErrorAlert error={Object.keys(errors).length ? null : receive.error} />
          <div className="filter-row filter-row--end">
            <Textfield label={t('cases.mailReceivedOn')} name="receivedOn" type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} error={errors.receivedOn} />
            <Textfield label={t('cases.mailSender')} description={t('cases.mailSenderHint')} name="sender" value={sender} maxLength={120} onChange={(e) => setSender(e.target.value)} error={errors.sender} autoComplete="off" />
          </div>
          <div>
            <Button type="submit" loading={receive.isPending}>{t('cases.mailSave')}</Button>
          </div>
        </form>
      )}
      {current.mailItems.length === 0 ? (
        <Paragraph data-size="sm">{t('cases.mailNone')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra data-size="sm">
            <caption className="visually-hidden">{t('cases.mailCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('cases.mailReceivedOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.mailSender')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.mailStatus')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {current.mailItems.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{day(m.receivedOn)}</Table.Cell>
                  <Table.Cell>{m.sender ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {m.handled === 'waiting' ? (
                      editable ? (
                        <div className="button-row">
                          <span>{t('cases.mailHandled.waiting')}</span>
                          <Button type="button" variant="secondary" data-size="sm" onClick={() => void mark(m, 'collected')} aria-label={t('cases.mailMarkLabel.collected', { date: day(m.receivedOn) })}>{t('cases.mailMark.collected')}</Button>
                          <Button type="button" variant="secondary" data-size="sm" onClick={() => void mark(m, 'forwarded')} aria-label={t('cases.mailMarkLabel.forwarded', { date: day(m.receivedOn) })}>{t('cases.mailMark.forwarded')}</Button>
                        </div>
                      ) : t('cases.mailHandled.waiting')
                    ) : (
                      t(`cases.mailHandled.${m.handled}`, { date: day(m.handledOn!) })
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
