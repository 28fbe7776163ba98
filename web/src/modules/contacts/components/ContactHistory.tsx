import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { useContactHistory } from '../hooks.js';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Earlier versions of a contact: who changed it, when, and what the fields held before. */
export function ContactHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const history = useContactHistory(id);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section aria-labelledby="history-heading" className="stack">
      <Heading level={2} data-size="sm" id="history-heading">
        {t('history.title')}
      </Heading>
      {history.isPending && <Loading />}
      <ErrorAlert error={history.error} />
      {history.data && history.data.length === 0 && <Paragraph>{t('history.empty')}</Paragraph>}
      {history.data && history.data.length > 0 && (
        <div className="table-scroll">
          <Table zebra>
            <caption className="visually-hidden">{t('history.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('history.version')}</Table.HeaderCell>
                <Table.HeaderCell>{t('history.changedAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('history.changedBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('history.before')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {history.data.map((rev) => (
                <Table.Row key={rev.version}>
                  <Table.Cell>{rev.version}</Table.Cell>
                  <Table.Cell>{when(rev.changedAt)}</Table.Cell>
                  <Table.Cell>{rev.changedBy ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                      {Object.entries(rev.before).map(([field, value]) => (
                        <li key={field}>
                          {t(`fields.${field}`, { defaultValue: field })}: {show(value)}
                        </li>
                      ))}
                    </ul>
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
