/**
 * Norwegian and Danish words that common-password lists put near the top in these countries but
 * that zxcvbn's English-leaning dictionary lacks. zxcvbn also finds them inside longer passwords
 * (`Passord2024`, `sommer123`), with capitals and l33t spellings.
 */
export const NORDIC_COMMON_PASSWORDS = [
  'passord', 'adgangskode', 'kodeord', 'hemmelig', 'hemmeligt', 'brobygger', 'rodekors', 'rødekors',
  'velkommen', 'sommer', 'vinter', 'høst', 'vår', 'forår', 'efterår', 'sommerferie', 'juleaften', 'jul',
  'norge', 'danmark', 'oslo', 'bergen', 'trondheim', 'stavanger', 'københavn', 'kobenhavn', 'aarhus', 'odense',
  'fotball', 'fodbold', 'rosenborg', 'brann', 'vålerenga', 'brøndby', 'elskerdeg', 'jegelskerdeg', 'elskerdig',
  'jegelskerdig', 'kjæreste', 'kæreste', 'skatt', 'skat', 'hallo', 'hei', 'hej', 'hejsa', 'heisann',
  'mamma', 'pappa', 'mormor', 'farmor', 'morfar', 'farfar', 'hund', 'katt', 'kat', 'bamse', 'sol',
  'blomst', 'jente', 'pige', 'gutt', 'dreng', 'kongen', 'dronning', 'fisk', 'hest', 'bil', 'mandag',
  'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag', 'januar', 'februar', 'mars', 'april',
  'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember', 'december',
  'qwertyuiopå', 'asdfghjkløæ', 'asdfghjklæø', 'telefon', 'hjelpelinje', 'hjælpelinje', 'kontor',
];
