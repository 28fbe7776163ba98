import { Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/locale.js';
import type { CategoryResponse } from '../../helplines/api.js';
import type { ContactListItem } from '../api.js';

interface Props {
  items: ContactListItem[];
  categories: CategoryResponse[] | undefined;
}

/** My recent contacts: when, channel, kind, themes, and a link to edit. */
export function ContactListTable({ items, categories }: Props) {
  const { t, i18n } = useTranslation();
  const { label } = useLocale();
  if (items.length === 0) return <Paragraph>{t('contacts.empty')}</Paragraph>;
  const byId = new Map((categories ?? []).map((c) => [c.id, c]));
  const themeNames = (ids: number[]) =>
    ids.map((id) => {
      const c = byId.get(id);
      return c ? label(c.label) : `#${id}`;
    }).join(', ');
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <div className="table-scroll">
      <Table zebra>
        <caption className="visually-hidden">{t('contacts.title')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('contacts.time')}</Table.HeaderCell>
            <Table.HeaderCell>{t('contactForm.channel')}</Table.HeaderCell>
            <Table.HeaderCell>{t('contactForm.kind')}</Table.HeaderCell>
            <Table.HeaderCell>{t('contactForm.themes')}</Table.HeaderCell>
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
              <Table.Cell>
                {c.canEdit && (
                  <Link to={`/contacts/${c.id}`} className="ds-link" aria-label={t('contacts.editLabel', { time: when(c.startedAt) })}>
                    {t('contacts.edit')}
                  </Link>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
