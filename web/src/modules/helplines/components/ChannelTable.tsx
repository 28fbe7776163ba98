import { Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { HelplineResponse } from '../api.js';
import { formatOpeningHours } from '../opening-hours.js';

/** A helpline's channels: name, weekly opening hours in words and whether it is open now. */
export function ChannelTable({ channels, caption }: { channels: HelplineResponse['channels']; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('helplines.channel')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('helplines.openingHours')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('helplines.now')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {channels.map((c) => (
            <Table.Row key={c.channel}>
              <Table.HeaderCell scope="row">{t(`enums.channel.${c.channel}`)}</Table.HeaderCell>
              <Table.Cell>
                {formatOpeningHours(c.openingHours, t).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </Table.Cell>
              <Table.Cell>
                <Tag data-color={c.openNow ? 'success' : 'neutral'}>{t(c.openNow ? 'helplines.openNow' : 'helplines.closedNow')}</Tag>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
