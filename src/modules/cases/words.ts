// The case page's own words, one wording on screen, in the access-request export and in the
// follow-up report: the web catalogue's JSON is data, not web code.
import nb from '../../../web/src/modules/cases/i18n/nb.json' with { type: 'json' };
import da from '../../../web/src/modules/cases/i18n/da.json' with { type: 'json' };
import en from '../../../web/src/modules/cases/i18n/en.json' with { type: 'json' };

export const CASE_WORDS = { nb: nb.cases, da: da.cases, en: en.cases };
export type CaseWords = (typeof CASE_WORDS)['nb'];
