import { Button, Checkbox, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFocusByName } from './use-focus-by-name.js';
import { WEEK_DAYS, type WeekDay } from '../api.js';
import { emptyHoursRow, timeOf, type HoursRow } from './opening-hours.js';

interface Props {
  rows: HoursRow[];
  onChange: (rows: HoursRow[]) => void;
  /** The field the server refused, as the form names it (`schedules.1.opens_at`). */
  errorField?: string;
}

/**
 * A service's weekly opening hours, one row per set of days with the same hours: the days ticked,
 * when it opens and closes (closing before opening runs past midnight), and a note people see in
 * the search. Each field's name says its row, for a screen reader moving field by field.
 */
export function OpeningHoursEditor({ rows, onChange, errorField }: Props) {
  const { t } = useTranslation();
  const { root, focusName } = useFocusByName<HTMLFieldSetElement>();

  const update = (i: number, patch: Partial<HoursRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const toggleDay = (i: number, day: WeekDay, on: boolean) => update(i, { days: WEEK_DAYS.filter((d) => (d === day ? on : rows[i].days.includes(d))) });
  const inRow = (text: string, n: number) => (
    <>
      {text}
      <span className="visually-hidden"> {t('directoryAdmin.inRow', { n })}</span>
    </>
  );
  const errorOf = (i: number, field: 'days' | 'opens_at' | 'closes_at') => {
    if (errorField !== `schedules.${i}.${field}`) return undefined;
    if (field === 'days') return t('directoryAdmin.errors.days');
    const row = rows[i];
    return row.opens_at.trim() && timeOf(row.opens_at) === timeOf(row.closes_at) ? t('directoryAdmin.errors.sameTime') : t('directoryAdmin.errors.time');
  };

  return (
    <fieldset className="stack stack--tight" ref={root}>
      <legend>{t('directoryAdmin.hours')}</legend>
      <Paragraph data-size="sm">{t('directoryAdmin.hoursHint')}</Paragraph>
      {rows.map((row, i) => {
        const n = i + 1;
        const daysError = errorOf(i, 'days');
        return (
          // A bordered group per row, as the page draws its sections: rows stay apart when there are several.
          <fieldset key={i} className="stack stack--tight">
            <legend>{t('directoryAdmin.hoursRow', { n })}</legend>
            <div className="filter-row">
              {WEEK_DAYS.map((day) => (
                <Checkbox
                  key={day}
                  name={`schedules.${i}.days`}
                  value={day}
                  label={inRow(t(`directoryAdmin.dayNames.${day}`), n)}
                  checked={row.days.includes(day)}
                  onChange={(e) => toggleDay(i, day, e.target.checked)}
                  aria-invalid={daysError ? true : undefined}
                />
              ))}
            </div>
            {daysError && <ValidationMessage>{daysError}</ValidationMessage>}
            <div className="filter-row">
              <Textfield label={inRow(t('directoryAdmin.opens'), n)} name={`schedules.${i}.opens_at`} className="narrow-field" inputMode="numeric" autoComplete="off" maxLength={5}
                value={row.opens_at} onChange={(e) => update(i, { opens_at: e.target.value })} onBlur={(e) => update(i, { opens_at: timeOf(e.target.value) ?? '' })} error={errorOf(i, 'opens_at')} />
              <Textfield label={inRow(t('directoryAdmin.closes'), n)} name={`schedules.${i}.closes_at`} className="narrow-field" inputMode="numeric" autoComplete="off" maxLength={5}
                value={row.closes_at} onChange={(e) => update(i, { closes_at: e.target.value })} onBlur={(e) => update(i, { closes_at: timeOf(e.target.value) ?? '' })} error={errorOf(i, 'closes_at')} />
            </div>
            <Textfield label={inRow(t('directoryAdmin.hoursNote'), n)} name={`schedules.${i}.description`} maxLength={500}
              value={row.description} onChange={(e) => update(i, { description: e.target.value })} error={errorField === `schedules.${i}.description` ? t('directoryAdmin.errors.note') : undefined} />
            <div>
              <Button type="button" variant="tertiary" onClick={() => { onChange(rows.filter((_, j) => j !== i)); focusName('add-hours'); }}>
                {t('directoryAdmin.removeHours', { n })}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button type="button" variant="secondary" name="add-hours" onClick={() => { onChange([...rows, emptyHoursRow()]); focusName(`schedules.${rows.length}.days`); }}>
          {t('directoryAdmin.addHours')}
        </Button>
      </div>
    </fieldset>
  );
}
