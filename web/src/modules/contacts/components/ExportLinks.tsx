import { Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api.js';

/** Download links for a year's contacts (CSV or XLSX), for those allowed to export. */
export function ExportLinks({ helplineId }: { helplineId: string }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <section aria-labelledby="export-heading" className="stack">
      <Heading level={2} data-size="sm" id="export-heading">
        {t('contacts.exportTitle')}
      </Heading>
      <div className="row">
        <Field>
          <Label>{t('common.year')}</Label>
          <Select name="exportYear" value={String(year)} onChange={(e) => setYear(Number(e.target.value))} width="auto">
            {years.map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Paragraph>
          <a className="ds-link" href={exportUrl(helplineId, year, 'csv')} download>
            {t('contacts.exportCsv', { year })}
          </a>
          {' · '}
          <a className="ds-link" href={exportUrl(helplineId, year, 'xlsx')} download>
            {t('contacts.exportXlsx', { year })}
          </a>
        </Paragraph>
      </div>
    </section>
  );
}
