import { Table } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/locale.js';
import type { CategoryResponse } from '../../helplines/api.js';
import type { ContactListResponse } from '../api.js';

interface Props {
  items: ContactListResponse['items'];
  categories: CategoryResponse[] | undefined;
  /** Times are shown in the helpline's zone, as the contact's date is counted there. */
  timeZone: string | undefined;
  /** Show who registered each contact (a coordinator's list). */
  showAuthor: boolean;
}

/** Contacts, newest first: when, channel, kind, themes, (who registered it), and a link to open it. */
export function ContactListTable({ items, categories, timeZone, showAuthor }: Props) {
  const { t, i18n } = useTranslation();
  const { label } = useLocale();
  const byId = new Map((categories ?? []).map((c) => [c.id, c]));
  const themeNames = (ids: number[]) =>
    ids.map((id) => {
      const c = byId.get(id);
      return c ? label(c.label) : `#${id}`;
    }).join(', ');
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short', timeZone });

  return (
    <div className="table-scroll">
      <Table zebra>
        <caption className="visually-hidden">{t('contactList.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('contacts.time')}</Table.HeaderCell>
            <Table.HeaderCell>{t('contactForm.channel')}</Table.HeaderCell>
            <Table.HeaderCell>{t('contactForm.kind')}</Table.HeaderCell>
            <Table.HeaderCell>{t('contactForm.themes')}</Table.HeaderCell>
            {showAuthor && <Table.HeaderCell>{t('contactList.counsellor')}</Table.HeaderCell>}
            <Table.HeaderCell>
              <span className="visually-hidden">{t('contacts.actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>{when(c.startedAt)}</Table.Cell>
              <Table.Cell>{t(`enums.channel.${c.channel}`)}</Table.Cell>
              <Table.Cell>{t(`enums.kind.${c.kind}`)}</Table.Cell>
              <Table.Cell>{themeNames(c.themeIds) || '–'}</Table.Cell>
              {showAuthor && <Table.Cell>{c.createdByName ?? t('history.userGone')}</Table.Cell>}
              <Table.Cell>
                <Link
                  to={`/contacts/${c.id}`}
                  className="ds-link"
                  aria-label={t(c.canEdit ? 'contacts.editLabel' : 'contactList.openLabel', { time: when(c.startedAt) })}
                >
                  {c.canEdit ? t('contacts.edit') : t('contactList.open')}
                </Link>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
