import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFocusByName } from './use-focus-by-name.js';

interface Props {
  places: string[];
  onChange: (places: string[]) => void;
  /** Places the directory already names, offered as the coordinator types: the search matches a place by its exact name. */
  known: string[];
  /** The field the server refused, as the form names it (`service_areas.1.name`). */
  errorField?: string;
}

/** The places a service serves (HSDS service areas), one field each, "Norge" for the whole country. */
export function PlacesEditor({ places, onChange, known, errorField }: Props) {
  const { t } = useTranslation();
  const { root, focusName } = useFocusByName<HTMLFieldSetElement>();

  return (
    <fieldset className="stack stack--tight" ref={root}>
      <legend>{t('directoryAdmin.places')}</legend>
      <Paragraph data-size="sm">{t('directoryAdmin.placesHint')}</Paragraph>
      <datalist id="directory-known-places">
        {known.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {places.map((place, i) => (
        <div className="filter-row filter-row--end" key={i}>
          <Textfield label={t('directoryAdmin.place', { n: i + 1 })} name={`service_areas.${i}.name`} list="directory-known-places" autoComplete="off" maxLength={100}
            value={place} onChange={(e) => onChange(places.map((p, j) => (j === i ? e.target.value : p)))} error={errorField === `service_areas.${i}.name` ? t('directoryAdmin.errors.place') : undefined} />
          <Button type="button" variant="tertiary" onClick={() => { onChange(places.filter((_, j) => j !== i)); focusName('add-place'); }}>
            {t('directoryAdmin.removePlace', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" name="add-place" onClick={() => { onChange([...places, '']); focusName(`service_areas.${places.length}.name`); }}>
          {t('directoryAdmin.addPlace')}
        </Button>
      </div>
    </fieldset>
  );
}
