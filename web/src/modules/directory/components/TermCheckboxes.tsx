import { Checkbox, ValidationMessage } from '@digdir/designsystemet-react';
import type { ServiceTerm } from '../api.js';

interface Props {
  legend: string;
  /** The request's list (`target_groups`, `needs`): the name of every box. */
  name: string;
  terms: ServiceTerm[];
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string;
}

/** One of a service's lists of taxonomy terms (whom it is for, what it helps with), a box per term. */
export function TermCheckboxes({ legend, name, terms, selected, onChange, error }: Props) {
  // Kept in the order the list shows, so a save sends them as the coordinator sees them.
  const toggle = (id: string, on: boolean) => onChange(terms.map((x) => x.id).filter((x) => (x === id ? on : selected.includes(x))));
  return (
    <fieldset className="stack stack--tight">
      <legend>{legend}</legend>
      <div className="checkbox-columns">
        {terms.map((term) => (
          <Checkbox key={term.id} name={name} value={term.id} label={term.name} checked={selected.includes(term.id)}
            onChange={(e) => toggle(term.id, e.target.checked)} aria-invalid={error ? true : undefined} />
        ))}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </fieldset>
  );
}
