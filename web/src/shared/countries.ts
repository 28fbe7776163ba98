// The list lives in src/shared, so the server checks exactly the codes the form offers.
export { COUNTRY_CODES, countryOptions, isCountryCode, type CountryCode } from '../../../src/shared/countries.js';
