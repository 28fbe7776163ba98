import { Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dimension } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { useLocale } from '../../../shared/locale.js';
import type { CategoryResponse } from '../api.js';
import { useTaxonomy } from '../hooks.js';

/** The dimensions in the order of the contact form; subthemes are shown under their theme. */
const DIMENSIONS: Exclude<Dimension, 'subtheme'>[] = ['who', 'age_group', 'gender', 'body_type', 'theme'];

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function CategoryItem({ category, children }: { category: CategoryResponse; children?: ReactNode }) {
  const { t } = useTranslation();
  const { label } = useLocale();
  const name = label(category.label);
  const { minAge, maxAge } = category;
  const range =
    minAge === null && maxAge === null
      ? null
      : maxAge === null || maxAge >= 120
        ? t('helplines.taxonomy.agesFrom', { min: minAge ?? 0 })
        : t('helplines.taxonomy.ages', { min: minAge ?? 0, max: maxAge });
  // An age group's range, unless its name already says it ("10–12 år").
  const ages = range && !name.includes(range) ? range : null;
  return (
    <li>
      <span className="category">
        <span>{name}</span> <code className="category__code">{category.code}</code>
        {ages && <span className="category__ages">({ages})</span>}
        {category.retired && (
          <Tag data-color="warning" data-size="sm">
            {t('helplines.taxonomy.retired')}
          </Tag>
        )}
      </span>
      {children}
    </li>
  );
}

function Categories({ categories }: { categories: CategoryResponse[] }) {
  const { t } = useTranslation();
  const { label } = useLocale();
  return (
    <>
      {DIMENSIONS.map((dimension) => {
        const items = categories.filter((c) => c.dimension === dimension);
        if (items.length === 0) return null;
        return (
          <div key={dimension} className="stack stack--tight">
            <Heading level={3} data-size="2xs">
              {t(`helplines.dimensions.${dimension}`)}
            </Heading>
            <ul className="category-list">
              {items.map((c) => {
                const subthemes = dimension === 'theme' ? categories.filter((s) => s.dimension === 'subtheme' && s.parentId === c.id) : [];
                return (
                  <CategoryItem key={c.id} category={c}>
                    {subthemes.length > 0 && (
                      <ul className="category-list" aria-label={t('helplines.taxonomy.subthemesOf', { theme: label(c.label) })}>
                        {subthemes.map((s) => (
                          <CategoryItem key={s.id} category={s} />
                        ))}
                      </ul>
                    )}
                  </CategoryItem>
                );
              })}
            </ul>
          </div>
        );
      })}
    </>
  );
}

/**
 * A helpline's categories with today's labels (retired ones marked), grouped by dimension. Fetched
 * the first time the section is opened.
 */
export function TaxonomyDetails({ helplineId }: { helplineId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const taxonomy = useTaxonomy(opened ? helplineId : undefined, today());
  return (
    <Details onToggle={(e) => (e.target as HTMLDetailsElement).open && setOpened(true)}>
      <Details.Summary>{t('helplines.taxonomy.title')}</Details.Summary>
      <Details.Content>
        <div className="stack" aria-busy={taxonomy.isLoading}>
          <Paragraph data-size="sm">{t('helplines.taxonomy.intro')}</Paragraph>
          {taxonomy.isLoading && <Loading />}
          <ErrorAlert error={taxonomy.error} />
          {taxonomy.data && <Categories categories={taxonomy.data.categories} />}
        </div>
      </Details.Content>
    </Details>
  );
}
