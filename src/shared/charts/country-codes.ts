import countries from 'i18n-iso-countries';

/** ISO numeric code (as world-atlas names its regions) for an alpha-2 code; needs no locale data. */
export function numericCode(alpha2: string): string | undefined {
  return countries.alpha2ToNumeric(alpha2);
}
