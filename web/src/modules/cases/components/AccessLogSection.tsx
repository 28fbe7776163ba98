import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { fetchAccessLog } from '../api.js';

/** Who read or changed the case, and when (coordinators). Loaded on request: reading it is audited too. */
export function AccessLogSection({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(false);
  const log = useQuery({ queryKey: ['cases', caseId, 'access-log'], queryFn: () => fetchAccessLog(caseId), enabled: shown, staleTime: 0 });
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="stack" aria-labelledby="access-log-heading">
      <Heading level={2} data-size="sm" id="access-log-heading">
        {t('cases.accessLogTitle')}
      </Heading>
      {!shown ? (
        <div>
          <Button variant="secondary" onClick={() => setShown(true)}>{t('cases.accessLogShow')}</Button>
        </div>
      ) : log.isPending ? (
        <Loading />
      ) : log.error ? (
        <ErrorAlert error={log.error} />
      ) : (
        <>
          <Paragraph data-size="sm">{t('cases.accessLogHint')}</Paragraph>
          <div className="table-scroll">
            <Table zebra data-size="sm">
              <caption className="visually-hidden">{t('cases.accessLogTitle')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('cases.accessLogWhen')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('cases.accessLogWho')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('cases.accessLogWhat')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {log.data.map((e, i) => (
                  <Table.Row key={`${e.at}-${i}`}>
                    <Table.Cell>{when(e.at)}</Table.Cell>
                    <Table.Cell>{e.actorName ?? t('history.userGone')}</Table.Cell>
                    <Table.Cell>{t(`cases.accessActions.${e.action.replace('.', '_')}`, { defaultValue: e.action })}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
