import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { listChecklists, type Text } from '../api.js';

/** The handbook's checklists; from a case (?case=), each opens to be ticked on that case. */
export function ChecklistsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('checklists.title'));
  const caseId = useSearchParams()[0].get('case');
  const lists = useQuery({ queryKey: ['checklists'], queryFn: listChecklists, staleTime: Infinity });
  const lang = (['nb', 'da', 'en'].includes(i18n.language) ? i18n.language : 'nb') as keyof Text;
  return (
    <div className="stack">
      <Heading level={1} data-size="md">
        {t('checklists.title')}
      </Heading>
      <Paragraph>{t('checklists.intro')}</Paragraph>
      <ErrorAlert error={lists.error} />
      {lists.isPending ? (
        <Loading />
      ) : (
        <ul className="stack">
          {lists.data?.map((c) => (
            <li key={c.id}>
              <Link className="ds-link" to={`/checklists/${c.id}${caseId ? `?case=${encodeURIComponent(caseId)}` : ''}`}>
                {c.title[lang]}
              </Link>
              <Paragraph data-size="sm">{c.intro[lang]}</Paragraph>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
