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

/** Language names in their own language, so everyone can find theirs. */
export const NATIVE_NAMES: Record<Locale, string> = { nb: 'Norsk bokmål', da: 'Dansk', en: 'English' };

/** A plain date (YYYY-MM-DD) written out ("3. desember 2026"), read at noon UTC so it is the same day in every time zone. */
export function longCalendarDate(iso: string, language: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString(language === 'en' ? 'en-GB' : language, { day: 'numeric', month: 'long', year: 'numeric' });
}
