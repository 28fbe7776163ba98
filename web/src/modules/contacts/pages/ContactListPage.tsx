import { Button, Heading } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useCan, useCurrentUser } from '../../auth/hooks.js';
import { HelplineSelect } from '../../helplines/components/HelplineSelect.js';
import { useHelplines, useTaxonomy } from '../../helplines/hooks.js';
import { toLocalInput } from '../form-values.js';
import { ContactListTable } from '../components/ContactListTable.js';
import { ExportLinks } from '../components/ExportLinks.js';
import { useMyContacts } from '../hooks.js';

export function ContactListPage() {
  const { t } = useTranslation();
  usePageTitle(t('contacts.title'));
  const me = useCurrentUser();
  const can = useCan();
  const helplines = useHelplines();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const list = helplines.data ?? [];
  const helplineId = chosen ?? (list.find((h) => me.helplineIds.includes(h.id)) ?? list[0])?.id;
  const contacts = useMyContacts(helplineId, !helplines.isPending);
  const taxonomy = useTaxonomy(helplineId, toLocalInput(new Date()).slice(0, 10));

  return (
    <div className="stack">
      <Heading level={1} data-size="md">
        {t('contacts.title')}
      </Heading>
      <div className="row">
        <HelplineSelect helplines={list} value={helplineId ?? ''} onChange={setChosen} />
        {can('contact.create') && (
          <Button asChild variant="secondary">
            <Link to="/contacts/new">{t('nav.newContact')}</Link>
          </Button>
        )}
      </div>
      <ErrorAlert error={helplines.error ?? contacts.error} />
      <div aria-busy={contacts.isLoading}>
        {contacts.isLoading ? <Loading /> : contacts.data && <ContactListTable items={contacts.data.items} categories={taxonomy.data?.categories} />}
      </div>
      {helplineId && can('contact.export') && <ExportLinks helplineId={helplineId} />}
    </div>
  );
}
