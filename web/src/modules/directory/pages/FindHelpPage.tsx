import { Button, Field, Heading, Label, Paragraph, Select, SkipLink } from '@digdir/designsystemet-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../../src/shared/enums.js';
import { isLocale } from '../../../i18n/index.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { NATIVE_NAMES } from '../../../shared/locale.js';
import { fetchDirectoryFilters, searchDirectory, type DirectoryQuery } from '../api.js';
import { DirectorySearchForm } from '../components/DirectorySearchForm.js';
import { QUICK_EXIT_URLS, QuickExit } from '../components/QuickExit.js';
import { ServiceCard } from '../components/ServiceCard.js';


/**
 * The public "find help" page (issue 10 point 6): anyone, without signing in, searches and browses
 * the directory, sees what is open now and calls. What is searched stays in this page's memory:
 * not in the address, the history or the browser's storage, so quick exit leaves nothing behind.
 */
export function FindHelpPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('findHelp.title'));
  const [query, setQuery] = useState<DirectoryQuery>({});
  const filters = useQuery({ queryKey: ['directory', 'filters'], queryFn: fetchDirectoryFilters, staleTime: 5 * 60_000 });
  const results = useInfiniteQuery({
    queryKey: ['directory', 'search', query],
    queryFn: ({ pageParam }) => searchDirectory(query, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const hits = results.data?.pages.flatMap((p) => p.results) ?? [];
  const corrected = results.data?.pages[0]?.corrected ?? [];
  // After "more", the keyboard goes on at the first of the new services once they are on the page.
  const focusCard = useRef<number | null>(null);
  useEffect(() => {
    const index = focusCard.current;
    const card = index === null ? undefined : document.querySelectorAll<HTMLElement>('.find-help__list .service-card')[index];
    if (card) {
      focusCard.current = null;
      card.focus();
    }
  }, [hits.length]);
  const total = results.data?.pages[0]?.total ?? 0;
  const locale = isLocale(i18n.language) ? i18n.language : 'nb';

  return (
    <div className="find-help">
      {/* Moves the focus without changing the address: a #main entry in the history would be a way back after quick exit. */}
      <SkipLink
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('layout.skipToMain')}
      </SkipLink>
      <header className="find-help__header">
        <span className="find-help__brand">{t('findHelp.brand')}</span>
        <Field data-size="sm">
          <Label>{t('layout.language')}</Label>
          <Select name="locale" value={locale} width="auto" onChange={(e) => isLocale(e.target.value) && void i18n.changeLanguage(e.target.value)}>
            {LOCALES.map((l) => (
              <Select.Option key={l} value={l} lang={l}>
                {NATIVE_NAMES[l]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <QuickExit url={QUICK_EXIT_URLS[locale]} />
      </header>
      <main id="main" className="app-main stack" tabIndex={-1}>
        <Heading level={1} data-size="md">
          {t('findHelp.title')}
        </Heading>
        <Paragraph>{t('findHelp.intro')}</Paragraph>
        <DirectorySearchForm filters={filters.data} onSearch={setQuery} />
        <ErrorAlert error={results.error ?? filters.error} />
        <section aria-labelledby="find-help-results" aria-busy={results.isLoading || results.isFetchingNextPage} className="stack">
          <Heading level={2} data-size="xs" id="find-help-results">
            {t('findHelp.results')}
          </Heading>
          {results.isLoading ? (
            <Loading />
          ) : results.error ? null : (
            <>
              <Paragraph data-size="sm" role="status">
                {total === 0 ? t('findHelp.none') : t(results.data?.pages[0]?.total_exact === false ? 'findHelp.shownAtLeast' : 'findHelp.shown', { count: total, shown: hits.length })}
                {corrected.map((c) => (
                  <span key={c.written}> {t('findHelp.corrected', { written: c.written, searched: c.searched })}</span>
                ))}
              </Paragraph>
              <ol className="find-help__list">
                {hits.map((hit) => (
                  <li key={hit.id}>
                    <ServiceCard hit={hit} />
                  </li>
                ))}
              </ol>
              {results.hasNextPage && (
                <div>
                  <Button
                    variant="secondary"
                    loading={results.isFetchingNextPage}
                    onClick={() => {
                      // The keyboard goes on at the first of the new services, not below them
                      // (they are drawn after the page arrives: the effect above moves there).
                      focusCard.current = hits.length;
                      void results.fetchNextPage();
                    }}
                  >
                    {t('findHelp.more')}
                  </Button>
                </div>
              )}
            </>
          )}
        </section>
        <Paragraph data-size="xs" className="service-card__muted">
          {t('findHelp.privacy')}
        </Paragraph>
      </main>
    </div>
  );
}
