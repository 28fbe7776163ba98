import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { searchDirectory } from '../api.js';

/** For coordinators: find a directory entry to correct or confirm, each with when it was last verified. */
export function DirectoryAdminPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('directoryAdmin.title'));
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const results = useInfiniteQuery({
    queryKey: ['directory', 'admin', q],
    queryFn: ({ pageParam }) => searchDirectory(q ? { q } : {}, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const hits = results.data?.pages.flatMap((p) => p.results) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
  };
  const date = (iso: string | null) => (iso ? new Date(`${iso}T12:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : i18n.language) : t('directoryAdmin.never'));
  return (
    <div className="stack">
      <Heading level={1} data-size="md">
        {t('directoryAdmin.title')}
      </Heading>
      <Paragraph>{t('directoryAdmin.intro')}</Paragraph>
      <Paragraph data-size="sm">
        <a className="ds-link" href="/hjelp" target="_blank" rel="noopener">
          {t('directoryAdmin.publicPage')}
        </a>
        {' · '}
        <a className="ds-link" href="/api/directory/export.json">
          {t('directoryAdmin.export')}
        </a>
      </Paragraph>
      <form role="search" className="find-help__query" onSubmit={submit}>
        <Textfield label={t('directoryAdmin.search')} name="q" value={draft} onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
        <div>
          <Button type="submit" variant="secondary">
            {t('findHelp.search')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={results.error} />
      <div aria-busy={results.isLoading || results.isFetchingNextPage} className="stack">
        {results.isLoading ? (
          <Loading />
        ) : (
          <>
            <Paragraph data-size="sm" role="status">
              {t(results.data?.pages[0]?.total_exact === false ? 'findHelp.shownAtLeast' : 'findHelp.shown', { count: results.data?.pages[0]?.total ?? 0, shown: hits.length })}
            </Paragraph>
            <div className="table-scroll">
              <table className="ds-table" data-size="sm">
                <thead>
                  <tr>
                    <th scope="col">{t('directoryAdmin.service')}</th>
                    <th scope="col">{t('directoryAdmin.organization')}</th>
                    <th scope="col">{t('directoryAdmin.lastVerified')}</th>
                  </tr>
                </thead>
                <tbody>
                  {hits.map((h) => (
                    <tr key={h.id}>
                      <td>
                        <Link className="ds-link" to={`/directory/services/${h.id}`}>
                          {h.name}
                        </Link>
                      </td>
                      <td>{h.organization?.name ?? ''}</td>
                      <td>{date(h.last_verified)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {results.hasNextPage && (
              <div>
                <Button variant="secondary" onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage}>
                  {t('findHelp.more')}
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
