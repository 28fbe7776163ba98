import { useTranslation } from 'react-i18next';

/**
 * A date as the case pages show it, short and in the user's language. A plain date (YYYY-MM-DD)
 * is read at noon UTC, so it is the same day in every time zone; a timestamp as it is.
 */
export function useShortDate(): (date: string) => string {
  const { i18n } = useTranslation();
  return (d) => new Date(d.length === 10 ? `${d}T12:00:00Z` : d).toLocaleDateString(i18n.language, { dateStyle: 'short' });
}
