import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import type { ImportBatch } from '../api.js';
import { useBatches, useUndoBatch } from '../hooks.js';

/** Earlier imports of a helpline (who, when, file, rows), each of which can be undone once. */
export function ImportBatches({ helplineId }: { helplineId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const batches = useBatches(helplineId);
  const undo = useUndoBatch();
  const [asking, setAsking] = useState<string>();
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const list = batches.data ?? [];

  const actions = (b: ImportBatch) => {
    if (b.state !== 'published') return null;
    if (asking !== b.id)
      return (
        <Button variant="secondary" data-size="sm" onClick={() => setAsking(b.id)}>
          {t('imports.undo')}
        </Button>
      );
    return (
      <div className="row">
        <Button
          data-color="danger"
          data-size="sm"
          loading={undo.isPending}
          aria-label={t('imports.undoConfirmLabel', { count: b.rows, file: b.fileName })}
          onClick={() => undo.mutate(b.id, { onSettled: () => setAsking(undefined) })}
          autoFocus
        >
          {t('imports.undoConfirm', { count: b.rows })}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={() => setAsking(undefined)}>
          {t('imports.cancel')}
        </Button>
      </div>
    );
  };

  return (
    <section className="stack" aria-labelledby="import-batches-title">
      <Heading level={2} data-size="sm" id="import-batches-title">
        {t('imports.batchesTitle')}
      </Heading>
      <ErrorAlert error={batches.error ?? undo.error} />
      {list.length === 0 ? (
        <Paragraph>{t('imports.noBatches')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra data-size="sm">
            <caption className="visually-hidden">{t('imports.batchesTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('imports.batchFile')}</Table.HeaderCell>
                <Table.HeaderCell>{t('imports.batchWhen')}</Table.HeaderCell>
                <Table.HeaderCell>{t('imports.batchWho')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('imports.batchRows')}</Table.HeaderCell>
                <Table.HeaderCell>{t('imports.batchState')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('imports.batchActions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.map((b) => (
                <Table.Row key={b.id}>
                  <Table.Cell>{b.fileName}</Table.Cell>
                  <Table.Cell>{when(b.importedAt)}</Table.Cell>
                  <Table.Cell>{b.importedBy ?? '–'}</Table.Cell>
                  <Table.Cell className="num">{b.rows.toLocaleString(i18n.language)}</Table.Cell>
                  <Table.Cell>
                    {b.state === 'undone'
                      ? t('imports.stateUndone', { who: b.undoneBy ?? '–', when: b.undoneAt ? when(b.undoneAt) : '' })
                      : t(`imports.state_${b.state}`)}
                  </Table.Cell>
                  <Table.Cell>{actions(b)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
