import { Field, Label, Select, Switch } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { HelplineResponse } from '../../helplines/api.js';
import { HelplineSelect } from '../../helplines/components/HelplineSelect.js';

interface Props {
  helplines: HelplineResponse[];
  helplineId: string;
  onHelpline: (id: string) => void;
  year: number;
  onYear: (year: number) => void;
  suppress: boolean;
  onSuppress: (on: boolean) => void;
  /** Only the helpline's coordinators may switch to the internal view; others never see the switch. */
  mayViewInternal: boolean;
}

const FIRST_YEAR = 2015;

export function ReportFilters({ helplines, helplineId, onHelpline, year, onYear, suppress, onSuppress, mayViewInternal }: Props) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  return (
    <div className="row">
      <HelplineSelect helplines={helplines} value={helplineId} onChange={onHelpline} />
      <Field>
        <Label>{t('common.year')}</Label>
        <Select name="year" value={String(year)} onChange={(e) => onYear(Number(e.target.value))} width="auto">
          {years.map((y) => (
            <Select.Option key={y} value={String(y)}>
              {y}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {mayViewInternal && (
        <Switch
          name="internal"
          label={t('stats.internalView')}
          description={t('stats.internalViewHint')}
          checked={!suppress}
          onChange={(e) => onSuppress(!e.target.checked)}
        />
      )}
    </div>
  );
}
