import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, type Outcome } from '../../../../../src/shared/enums.js';
import type { CategoryResponse } from '../../helplines/api.js';
import { CategorySelect } from './CategorySelect.js';

interface Props {
  value: Outcome[];
  onChange: (value: Outcome[]) => void;
  referredToId: string;
  onReferredTo: (value: string) => void;
  bodyTypes: CategoryResponse[];
  errors: { outcomes?: string; referredToId?: string };
}

/** Outcome checkboxes; "referred" reveals where to, right after it. */
export function OutcomesField({ value, onChange, referredToId, onReferredTo, bodyTypes, errors }: Props) {
  const { t } = useTranslation();
  const errorId = 'outcomes-error';
  const toggle = (o: Outcome, on: boolean) =>
    onChange(on ? OUTCOMES.filter((x) => x === o || value.includes(x)) : value.filter((x) => x !== o));
  return (
    <Fieldset>
      <Fieldset.Legend>{t('contactForm.outcomes')}</Fieldset.Legend>
      {OUTCOMES.map((o) => (
        <div key={o}>
          <Checkbox
            name="outcomes"
            value={o}
            label={t(`enums.outcome.${o}`)}
            checked={value.includes(o)}
            onChange={(e) => toggle(o, e.target.checked)}
            aria-invalid={errors.outcomes ? true : undefined}
            aria-describedby={errors.outcomes ? errorId : undefined}
          />
          {o === 'referred' && value.includes('referred') && (
            <div className="field-nested">
              <CategorySelect
                name="referredToId"
                label={t('contactForm.referredTo')}
                categories={bodyTypes}
                value={referredToId}
                onChange={onReferredTo}
                error={errors.referredToId}
              />
            </div>
          )}
        </div>
      ))}
      {errors.outcomes && <ValidationMessage id={errorId}>{errors.outcomes}</ValidationMessage>}
    </Fieldset>
  );
}
