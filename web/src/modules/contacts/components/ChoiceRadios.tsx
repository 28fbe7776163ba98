import { Fieldset, Radio, ValidationMessage } from '@digdir/designsystemet-react';

export interface Choice {
  value: string;
  label: string;
}

interface Props {
  name: string;
  legend: string;
  description?: string;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Lay the radios out in columns (long lists). */
  columns?: boolean;
}

/**
 * A radio group: Tab enters it at the checked radio, arrow keys change the choice, Tab leaves.
 * The error sits directly in the fieldset and is tied to every radio with aria-describedby.
 */
export function ChoiceRadios({ name, legend, description, choices, value, onChange, error, columns }: Props) {
  const errorId = `${name}-error`;
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      <div className={columns ? 'radio-columns' : undefined}>
        {choices.map((c) => (
          <Radio
            key={c.value}
            name={name}
            value={c.value}
            label={c.label}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
        ))}
      </div>
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Fieldset>
  );
}
