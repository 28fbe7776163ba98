import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../api.js';

/** The rows that stopped an import, so the file can be fixed and sent again. */
export function ImportErrors({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table zebra data-size="sm">
        <caption>{t('imports.errorsCaption', { count: errors.length })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell className="num">{t('imports.row')}</Table.HeaderCell>
            <Table.HeaderCell>{t('imports.field')}</Table.HeaderCell>
            <Table.HeaderCell>{t('imports.reason')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {errors.map((e, i) => (
            <Table.Row key={`${e.row}-${e.field}-${i}`}>
              <Table.Cell className="num">{e.row}</Table.Cell>
              <Table.Cell>{e.field}</Table.Cell>
              <Table.Cell>{e.reason}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
