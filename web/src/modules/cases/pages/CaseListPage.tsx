import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, USER_GROUPS } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useCan, useCurrentUser } from '../../auth/hooks.js';
import type { CaseListFilter } from '../api.js';
import { CaseFilters } from '../components/CaseFilters.js';
import { CaseListTable } from '../components/CaseListTable.js';
import { DueTasks } from '../components/DueTasks.js';
import { SavedStatus } from '../components/SavedStatus.js';
import { useCaseList } from '../hooks.js';

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (values as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/** The filters as the address keeps them; anything unknown is dropped, not sent. */
function filterFromParams(params: URLSearchParams): CaseListFilter {
  return {
    scope: oneOf(['mine', 'service'] as const, params.get('scope')),
    status: oneOf(CASE_STATUSES, params.get('status')),
    userGroup: oneOf(USER_GROUPS, params.get('userGroup')),
    due: oneOf(['true'] as const, params.get('due')),
  };
}

/**
 * The caseload, most recently opened first, a page at a time: my cases, or (coordinators) every
 * case of their helplines. Filters are applied by the server.
 */
export function CaseListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = useCan();
  const coordinator = me.role === 'coordinator';
  const [params, setParams] = useSearchParams();
  // Coming from a case just handed over (HandOverSection): say it went.
  const handedOver = (useLocation().state as { handedOver?: boolean } | null)?.handedOver === true;
  const filter = filterFromParams(params);
  const service = coordinator && filter.scope === 'service';
  const title = t(service ? 'cases.titleService' : 'cases.title');
  usePageTitle(title);
  const cases = useCaseList(filter);
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!(filter.status || filter.userGroup || filter.due);

  return (
    <div className="stack">
      <Heading level={1} data-size="md">
        {title}
      </Heading>
      {can('case.open') && (
        <div>
          <Button asChild variant="secondary">
            <Link to="/cases/new">{t('cases.new')}</Link>
          </Button>
        </div>
      )}
      <SavedStatus message={handedOver ? t('cases.handedOver') : ''} />
      <DueTasks scope={service ? 'service' : 'mine'} />
      <CaseFilters
        key={params.toString()}
        value={{ scope: filter.scope ?? 'mine', status: filter.status, userGroup: filter.userGroup, due: filter.due }}
        offerScope={coordinator}
        onApply={(next) => setParams(Object.fromEntries(Object.entries(next).filter(([k, v]) => v && !(k === 'scope' && v === 'mine'))) as Record<string, string>)}
      />
      <ErrorAlert error={cases.error} />
      <div aria-busy={cases.isLoading || cases.isFetchingNextPage} className="stack">
        {cases.isLoading ? (
          <Loading />
        ) : (
          cases.data && (
            <>
              <Paragraph data-size="sm" role="status">
                {items.length === 0
                  ? t(filtered || service ? 'cases.none' : 'cases.empty')
                  : t(cases.hasNextPage ? 'cases.shownMore' : 'cases.shown', { count: cases.data.pages[0]?.total ?? items.length, shown: items.length })}
              </Paragraph>
              {items.length > 0 && <CaseListTable items={items} showOwner={service} />}
              {cases.hasNextPage && (
                <div>
                  <Button variant="secondary" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
                    {t('cases.more')}
                  </Button>
                </div>
              )}
            </>
          )
        )}
      </div>
    </div>
  );
}
