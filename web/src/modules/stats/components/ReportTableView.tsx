import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ReportKind, ReportParams, ReportTable } from '../api.js';
import { tableDownloadUrl } from '../api.js';
import { useChart } from '../use-chart.js';
import { useLocale } from '../../../shared/locale.js';

/**
 * One report table: its chart, drawn in the browser (an image with the title as its name), or the
 * sentence that stands in for it, then the table itself as the accessible alternative, its note,
 * and downloads.
 */
export function ReportTableView({ table, params, kind = 'contacts' }: { table: ReportTable; params: ReportParams; kind?: ReportKind }) {
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  const chart = useChart(table, locale);
  const headingId = `table-${table.id}`;
  const valueCount = table.rows[0]?.values.length ?? table.columns.length;
  const hasLabelHeader = table.columns.length > valueCount;
  const labelHeader = hasLabelHeader ? table.columns[0] : undefined;
  const valueHeaders = hasLabelHeader ? table.columns.slice(1) : table.columns;
  const n = (v: number | string) => (typeof v === 'number' ? v.toLocaleString(i18n.language) : v);

  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {table.title}
      </Heading>
      {chart?.svg && (
        <figure
          className="report-chart"
          role="img"
          aria-label={table.title}
          dangerouslySetInnerHTML={{ __html: chart.svg }}
        />
      )}
      {chart?.text && <Paragraph className="no-chart">{chart.text}</Paragraph>}
      {/* On a phone a wide table scrolls sideways within itself: focusable, so keys can scroll it. */}
      <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
        <Table zebra aria-labelledby={headingId} data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{labelHeader ?? <span className="visually-hidden">{t('stats.category')}</span>}</Table.HeaderCell>
              {valueHeaders.map((c) => (
                <Table.HeaderCell key={c} className="num">
                  {c}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {table.rows.map((row) => (
              <Table.Row key={row.key}>
                <Table.HeaderCell scope="row">{row.label}</Table.HeaderCell>
                {row.values.map((v, i) => (
                  <Table.Cell key={i} className="num">
                    {n(v)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {table.note && <Paragraph data-size="sm">{table.note}</Paragraph>}
      <Paragraph data-size="sm">
        <a className="ds-link" href={tableDownloadUrl(params, table.id, 'csv', kind)} download aria-label={t('stats.downloadCsvOf', { title: table.title })}>
          {t('stats.downloadCsv')}
        </a>
        {' · '}
        <a className="ds-link" href={tableDownloadUrl(params, table.id, 'xlsx', kind)} download aria-label={t('stats.downloadXlsxOf', { title: table.title })}>
          {t('stats.downloadXlsx')}
        </a>
      </Paragraph>
    </section>
  );
}
