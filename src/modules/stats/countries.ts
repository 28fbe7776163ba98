import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { Locale } from '../../shared/enums.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/nb.json'));
countries.registerLocale(require('i18n-iso-countries/langs/da.json'));
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

/** A country's name in the report language; the code itself if the library does not know it. */
export function countryName(alpha2: string, locale: Locale): string {
  return countries.getName(alpha2, locale) ?? alpha2;
}
