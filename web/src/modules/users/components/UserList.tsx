import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/locale.js';
import { useCurrentUser } from '../../auth/hooks.js';
import type { HelplineResponse } from '../../helplines/api.js';
import type { User } from '../api.js';
import { SecondFactorCell } from './SecondFactorCell.js';
import { USER_ACTIONS } from './user-actions.js';

export function UserList({ users, helplines }: { users: User[]; helplines: HelplineResponse[] }) {
  const { t } = useTranslation();
  const { label, locale } = useLocale();
  const me = useCurrentUser();
  if (users.length === 0) return <Paragraph>{t('users.empty')}</Paragraph>;
  const helplineName = (id: string) => {
    const h = helplines.find((x) => x.id === id);
    return h ? label(h.name) : id;
  };
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    // On a phone the table scrolls inside itself; the region takes focus so the keyboard can scroll it.
    <div className="table-scroll" role="region" aria-label={t('users.listTitle')} tabIndex={0}>
      <Table zebra>
        <caption className="visually-hidden">{t('users.listTitle')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('users.displayName')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.role')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.helplines')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.lastLogin')}</Table.HeaderCell>
            <Table.HeaderCell>{t('secondFactor.column')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {users.map((u) => (
            <Table.Row key={u.id}>
              <Table.Cell>{u.displayName}</Table.Cell>
              <Table.Cell>{u.email}</Table.Cell>
              <Table.Cell>{t(`enums.role.${u.role}`)}</Table.Cell>
              <Table.Cell>{u.helplineIds.map(helplineName).join(', ') || '–'}</Table.Cell>
              <Table.Cell>
                <Tag data-color={u.disabled ? 'neutral' : 'success'}>{t(u.disabled ? 'users.disabled' : 'users.active')}</Tag>
              </Table.Cell>
              <Table.Cell>{u.lastLoginAt ? when.format(new Date(u.lastLoginAt)) : t('users.never')}</Table.Cell>
              <Table.Cell>
                {/* A state with its own reset (for a lost phone), so a column rather than an action. */}
                <SecondFactorCell userId={u.id} name={u.displayName} />
              </Table.Cell>
              <Table.Cell>
                <div className="row user-actions">
                  {USER_ACTIONS.map((Action, i) => (
                    <Action key={i} user={u} helplines={helplines} isSelf={u.id === me.id} />
                  ))}
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
