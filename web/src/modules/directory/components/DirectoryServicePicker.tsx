import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchDirectory, type DirectoryHit } from '../api.js';

/**
 * Finds a service in the directory to refer to, inside another form: Enter in the search field
 * searches here instead of sending that form. The choice shows with its phone numbers.
 */
export function DirectoryServicePicker({ chosen, onChoose }: { chosen: DirectoryHit | null; onChoose: (hit: DirectoryHit | null) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['directory', 'pick', q], queryFn: () => searchDirectory({ q }), enabled: q.length > 0 });
  const search = () => setQ(draft.trim());
  // After a choice (or undoing it) the keyboard stays here, not lost on the page.
  const changeButton = useRef<HTMLButtonElement>(null);
  const searchField = useRef<HTMLInputElement>(null);
  const chosenId = chosen?.id;
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) return;
    (chosenId ? changeButton.current : searchField.current)?.focus();
  }, [chosenId, touched]);
  const choose = (hit: DirectoryHit | null) => {
    setTouched(true);
    onChoose(hit);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    search();
  };
  if (chosen) {
    return (
      <div className="stack stack--tight">
        <Paragraph data-size="sm">
          {t('directoryPicker.chosen', { name: chosen.name })}
          {chosen.phones.length > 0 && ` (${chosen.phones.map((p) => p.number).join(', ')})`}
        </Paragraph>
        <div>
          <Button ref={changeButton} type="button" variant="tertiary" data-size="sm" onClick={() => choose(null)}>
            {t('directoryPicker.remove')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack stack--tight">
      <div className="filter-row filter-row--end">
        <Textfield ref={searchField} label={t('directoryPicker.label')} description={t('directoryPicker.hint')} name="directorySearch" value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} autoComplete="off" />
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={search} loading={found.isFetching}>
            {t('directoryPicker.search')}
          </Button>
        </div>
      </div>
      {found.data && (
        <ul className="stack stack--tight" aria-label={t('directoryPicker.results')}>
          {found.data.results.slice(0, 5).map((hit) => (
            <li key={hit.id}>
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => choose(hit)}>
                {t('directoryPicker.choose', { name: hit.name })}
              </Button>
            </li>
          ))}
          {found.data.results.length === 0 && <li>{t('findHelp.none')}</li>}
        </ul>
      )}
    </div>
  );
}
