import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../src/shared/enums.js';
import { isLocale } from '../i18n/index.js';

export type LocalizedLabel = Record<Locale, string>;

/** The current locale and a picker for {nb, da, en} labels from the API. */
export function useLocale(): { locale: Locale; label: (l: LocalizedLabel) => string } {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'nb';
  return { locale, label: (l) => l[locale] || l.nb };
}
