import { Table } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseListResponse } from '../api.js';

interface Props {
  items: CaseListResponse['items'];
  /** Show each case's owner (a coordinator's list of the service's cases). */
  showOwner: boolean;
}

/** Cases, most recently opened first: pseudonym, user group, status, opened, time limit, (owner), and a link to open it. */
export function CaseListTable({ items, showOwner }: Props) {
  const { t, i18n } = useTranslation();
  const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'short' });
  return (
    <div className="table-scroll">
      <Table zebra>
        <caption className="visually-hidden">{t('cases.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('cases.pseudonym')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.userGroup')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.opened')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.timeLimit')}</Table.HeaderCell>
            {showOwner && <Table.HeaderCell>{t('cases.owner')}</Table.HeaderCell>}
            <Table.HeaderCell>
              <span className="visually-hidden">{t('contacts.actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>{c.anonymisedAt ? t('cases.anonymisedTitle') : c.pseudonym}</Table.Cell>
              <Table.Cell>{t(`cases.userGroups.${c.userGroup}`)}</Table.Cell>
              <Table.Cell>{t(`cases.statuses.${c.status}`)}</Table.Cell>
              <Table.Cell>{day(c.openedAt)}</Table.Cell>
              <Table.Cell>{c.timeLimit ? day(`${c.timeLimit}T12:00:00Z`) : '–'}</Table.Cell>
              {showOwner && <Table.Cell>{c.ownerName ?? t('history.userGone')}</Table.Cell>}
              <Table.Cell>
                <Link to={`/cases/${c.id}`} className="ds-link" aria-label={t('cases.openLabel', { name: c.anonymisedAt ? t('cases.anonymisedTitle') : c.pseudonym })}>
                  {t('cases.open')}
                </Link>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
