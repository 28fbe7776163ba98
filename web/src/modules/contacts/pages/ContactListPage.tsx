import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useCan, useCurrentUser } from '../../auth/hooks.js';
import { categoriesOf, useHelplines, useTaxonomy } from '../../helplines/hooks.js';
import { toLocalInput } from '../form-values.js';
import { ContactFilters } from '../components/ContactFilters.js';
import { ContactListTable } from '../components/ContactListTable.js';
import { ExportLinks } from '../components/ExportLinks.js';
import { useAuthors, useContactList } from '../hooks.js';
import { filterFromParams, paramsFromFilter } from '../list-filter.js';

/**
 * Contacts of a helpline, newest first, a page at a time. A coordinator sees everyone's and can
 * filter by counsellor; others see the ones they registered. Filters are applied by the server.
 */
export function ContactListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = useCan();
  const seesAll = me.role === 'coordinator';
  usePageTitle(t(seesAll ? 'contactList.titleAll' : 'contacts.title'));
  const helplines = useHelplines();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const list = helplines.data ?? [];
  const helplineId = filter.helplineId ?? (list.find((h) => me.helplineIds.includes(h.id)) ?? list[0])?.id;
  const helpline = list.find((h) => h.id === helplineId);
  const contacts = useContactList({ ...filter, helplineId }, !!helplineId);
  const taxonomy = useTaxonomy(helplineId, toLocalInput(new Date()).slice(0, 10));
  const authors = useAuthors(helplineId, seesAll);
  const items = contacts.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.entries(filter).some(([key, v]) => key !== 'helplineId' && v);

  return (
    <div className="stack">
      <Heading level={1} data-size="md">
        {t(seesAll ? 'contactList.titleAll' : 'contacts.title')}
      </Heading>
      {can('contact.create') && (
        <div>
          <Button asChild variant="secondary">
            <Link to="/contacts/new">{t('nav.newContact')}</Link>
          </Button>
        </div>
      )}
      {helplines.data && (
        <ContactFilters
          key={params.toString()}
          value={{ ...filter, helplineId }}
          onApply={(next) => setParams(paramsFromFilter(next))}
          helplines={list}
          helplineId={helplineId}
          themes={categoriesOf(taxonomy.data?.categories, 'theme')}
          authors={seesAll ? (authors.data ?? []) : undefined}
        />
      )}
      <ErrorAlert error={helplines.error ?? contacts.error} />
      <div aria-busy={contacts.isLoading || contacts.isFetchingNextPage} className="stack">
        {contacts.isLoading ? (
          <Loading />
        ) : (
          contacts.data && (
            <>
              <Paragraph data-size="sm" role="status">
                {items.length === 0
                  ? t(filtered || seesAll ? 'contactList.none' : 'contacts.empty')
                  : t(contacts.hasNextPage ? 'contactList.shownMore' : 'contactList.shown', { count: items.length })}
              </Paragraph>
              {items.length > 0 && <ContactListTable items={items} categories={taxonomy.data?.categories} timeZone={helpline?.timeZone} showAuthor={seesAll} />}
              {contacts.hasNextPage && (
                <div>
                  <Button variant="secondary" onClick={() => void contacts.fetchNextPage()} loading={contacts.isFetchingNextPage}>
                    {t('contactList.more')}
                  </Button>
                </div>
              )}
            </>
          )
        )}
      </div>
      {helplineId && can('contact.export') && <ExportLinks helplineId={helplineId} />}
    </div>
  );
}
