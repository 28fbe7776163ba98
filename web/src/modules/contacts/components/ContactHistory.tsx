import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../../shared/countries.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { useLocale } from '../../../shared/locale.js';
import { useTaxonomy } from '../../helplines/hooks.js';
import { categoryNamer, describeValue, type ValueContext } from '../history-values.js';
import { useContactHistory } from '../hooks.js';

interface Props {
  id: string;
  helplineId: string;
  /** The contact's local date: category names as they were then. */
  date: string;
  timeZone: string | undefined;
}

/** Each edit of a contact, newest first: who made it (by name), when, and what changed, field by field. */
export function ContactHistory({ id, helplineId, date, timeZone }: Props) {
  const { t, i18n } = useTranslation();
  const { locale, label } = useLocale();
  const history = useContactHistory(id);
  const taxonomy = useTaxonomy(helplineId, date);
  const countries = useMemo(() => new Map(countryOptions(locale).map((c) => [c.code, c.name])), [locale]);
  const ctx: ValueContext = {
    t,
    language: i18n.language,
    timeZone,
    categoryName: categoryNamer(taxonomy.data?.categories, label),
    countryName: (code) => countries.get(code) ?? code,
  };
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short', timeZone });

  return (
    <section aria-labelledby="history-heading" className="stack">
      <Heading level={2} data-size="sm" id="history-heading">
        {t('history.title')}
      </Heading>
      {(history.isPending || taxonomy.isPending) && <Loading />}
      <ErrorAlert error={history.error ?? taxonomy.error} />
      {history.data && history.data.length === 0 && <Paragraph>{t('history.empty')}</Paragraph>}
      {history.data && taxonomy.data && history.data.length > 0 && (
        <ol className="history-list">
          {history.data.map((rev) => (
            <li key={rev.version}>
              <Paragraph data-size="sm">
                <strong>{t('history.edit', { version: rev.version, time: when(rev.changedAt), name: rev.changedByName ?? t('history.userGone') })}</strong>
              </Paragraph>
              {rev.changes.length === 0 ? (
                <Paragraph data-size="sm">{t('history.noChange')}</Paragraph>
              ) : (
                <ul>
                  {rev.changes.map((c) => (
                    <li key={c.field}>
                      {t('history.change', {
                        field: t(`fields.${c.field}`, { defaultValue: c.field }),
                        before: describeValue(c.field, c.before, ctx),
                        after: describeValue(c.field, c.after, ctx),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
