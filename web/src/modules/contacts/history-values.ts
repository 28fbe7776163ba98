import type { TFunction } from 'i18next';
import { COUNTRY_NOT_ASKED, COUNTRY_NOT_STATED } from '../../../../src/shared/enums.js';
import type { CategoryResponse } from '../helplines/api.js';

export interface ValueContext {
  t: TFunction;
  language: string;
  timeZone: string | undefined;
  /** Category names by id, in the reader's language. */
  categoryName: (id: number) => string;
  countryName: (code: string) => string;
}

type ThemeValue = { themeId: number; subthemeIds: number[] }[];

/** A field's stored value as a reader says it: names, not ids or codes; "–" for nothing. */
export function describeValue(field: string, value: unknown, c: ValueContext): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '–';
  switch (field) {
    case 'channel':
    case 'kind':
      return c.t(`enums.${field}.${String(value)}`);
    case 'outcomes':
      return (value as string[]).map((o) => c.t(`enums.outcome.${o}`)).join(', ');
    case 'whoId':
    case 'ageGroupId':
    case 'genderId':
    case 'bodyTypeId':
    case 'referredToId':
      return c.categoryName(Number(value));
    case 'themes':
      return (value as ThemeValue)
        .map((th) => (th.subthemeIds.length ? `${c.categoryName(th.themeId)} (${th.subthemeIds.map(c.categoryName).join(', ')})` : c.categoryName(th.themeId)))
        .join('; ');
    case 'country':
      if (value === COUNTRY_NOT_ASKED) return c.t('contactForm.countryNotAsked');
      if (value === COUNTRY_NOT_STATED) return c.t('contactForm.countryNotStated');
      return c.countryName(String(value));
    case 'startedAt':
      return new Date(String(value)).toLocaleString(c.language, { dateStyle: 'short', timeStyle: 'short', timeZone: c.timeZone });
    case 'durationMinutes':
      return c.t('history.minutes', { count: Number(value) });
    case 'summary':
      return `«${String(value)}»`;
    default:
      return String(value);
  }
}

export function categoryNamer(categories: CategoryResponse[] | undefined, label: (l: CategoryResponse['label']) => string) {
  const byId = new Map((categories ?? []).map((cat) => [cat.id, cat]));
  return (id: number) => {
    const cat = byId.get(id);
    return cat ? label(cat.label) : `#${id}`;
  };
}
