import { Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { HelplineResponse } from '../api.js';
import { formatOpeningHours } from '../opening-hours.js';
import { isOpenAt } from '../../../../../src/shared/opening-hours.js';
import { useNow } from '../use-now.js';

/**
 * A helpline's channels: name, weekly opening hours in words and whether it is open now. "Now" is
 * this browser's clock read in the helpline's time zone, recomputed as the clock moves, not the
 * server's `openNow` from when the list was fetched.
 */
export function ChannelTable({ channels, timeZone, caption }: { channels: HelplineResponse['channels']; timeZone: string; caption: string }) {
  const { t } = useTranslation();
  const now = useNow();
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
          {channels.map((c) => {
            const open = isOpenAt(c.openingHours, timeZone, now);
            return (
              <Table.Row key={c.channel}>
                <Table.HeaderCell scope="row">{t(`enums.channel.${c.channel}`)}</Table.HeaderCell>
                <Table.Cell>
                  {formatOpeningHours(c.openingHours, t).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={open ? 'success' : 'neutral'}>{t(open ? 'helplines.openNow' : 'helplines.closedNow')}</Tag>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
