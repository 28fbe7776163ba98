import type { Locale } from '../enums.js';

/** Words of the statistics report, per locale. Category labels come from the helpline taxonomy. */
export interface ReportWords {
  channels: Record<string, string>;
  kinds: Record<string, string>;
  months: string[];
  titles: Record<string, string>;
  columns: Record<string, string>;
  notStated: string;
  notAsked: string;
  otherCountries: string;
  total: string;
  smallCellNote: string;
  notStatedNote: string;
  themeNote: string;
  reportTitle: string;
  generated: string;
  suppressedBanner: string;
}

const nb: ReportWords = {
  channels: { telephone: 'Telefon', chat: 'Chat', email: 'E-post / melding', whatsapp: 'WhatsApp', walk_in: 'Fysisk oppmøte', voicemail: 'Telefonsvarer' },
  kinds: { first_contact: 'Førstegangshenvendelse', repeat_contact: 'Gjentatt henvendelse', knowledge_request: 'Kunnskaps- og informasjonsforespørsel', talk_given: 'Foredrag / kurs' },
  months: ['Januar', 'Februar', 'Mars', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Desember'],
  titles: {
    kind: 'Henvendelser etter type', month: 'Førstegangshenvendelser per måned', channel: 'Førstegangshenvendelser per kanal',
    who: 'Hvem tok kontakt', age_gender: 'Alder og kjønn', country: 'Landbakgrunn', theme: 'Årsak til henvendelse (temaer)',
    subtheme: 'Undertemaer', body_type: 'Kunnskapsforespørsler etter type instans',
  },
  columns: { category: 'Kategori', thisYear: 'I år', previousYear: 'Året før', change: 'Endring (%)', firstContacts: 'Førstegangshenvendelser', knowledgeRequests: 'Kunnskapsforespørsler', contacts: 'Henvendelser', total: 'Totalt' },
  notStated: 'Ikke oppgitt', notAsked: 'Ikke spurt', otherCountries: 'Andre land', total: 'Totalt',
  smallCellNote: 'Tall under 5 er skjult («<5»).',
  notStatedNote: '{n} av {total} henvendelser har ikke dette registrert.',
  themeNote: 'En henvendelse kan gjelde flere temaer og telles én gang under hvert tema; summen kan derfor overstige antall henvendelser.',
  reportTitle: 'Årsrapport {year}', generated: 'Laget {date} av Brobygger', suppressedBanner: 'Publiseringsversjon: små tall er skjult.',
};

const da: ReportWords = {
  channels: { telephone: 'Telefon', chat: 'Chat', email: 'E-mail / besked', whatsapp: 'WhatsApp', walk_in: 'Personligt fremmøde', voicemail: 'Telefonsvarer' },
  kinds: { first_contact: 'Førstegangshenvendelse', repeat_contact: 'Gentagen henvendelse', knowledge_request: 'Forespørgsel om viden og information', talk_given: 'Oplæg / kursus' },
  months: ['Januar', 'Februar', 'Marts', 'April', 'Maj', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'December'],
  titles: {
    kind: 'Henvendelser efter type', month: 'Førstegangshenvendelser pr. måned', channel: 'Førstegangshenvendelser pr. kanal',
    who: 'Hvem henvendte sig', age_gender: 'Alder og køn', country: 'Landebaggrund', theme: 'Årsag til henvendelse (temaer)',
    subtheme: 'Undertemaer', body_type: 'Videnforespørgsler efter type instans',
  },
  columns: { category: 'Kategori', thisYear: 'I år', previousYear: 'Året før', change: 'Ændring (%)', firstContacts: 'Førstegangshenvendelser', knowledgeRequests: 'Videnforespørgsler', contacts: 'Henvendelser', total: 'I alt' },
  notStated: 'Ikke oplyst', notAsked: 'Ikke spurgt', otherCountries: 'Andre lande', total: 'I alt',
  smallCellNote: 'Tal under 5 er skjult («<5»).',
  notStatedNote: '{n} af {total} henvendelser har ikke dette registreret.',
  themeNote: 'En henvendelse kan handle om flere temaer og tælles én gang under hvert tema; summen kan derfor overstige antallet af henvendelser.',
  reportTitle: 'Årsrapport {year}', generated: 'Lavet {date} af Brobygger', suppressedBanner: 'Publiceringsversion: små tal er skjult.',
};

const en: ReportWords = {
  channels: { telephone: 'Telephone', chat: 'Chat', email: 'E-mail / message', whatsapp: 'WhatsApp', walk_in: 'Walk-in', voicemail: 'Voicemail' },
  kinds: { first_contact: 'First contact', repeat_contact: 'Repeat contact', knowledge_request: 'Request for knowledge / information', talk_given: 'Talk / course given' },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  titles: {
    kind: 'Contacts by kind', month: 'First contacts per month', channel: 'First contacts per channel',
    who: 'Who contacted', age_gender: 'Age and gender', country: 'Country background', theme: 'Reason for contact (themes)',
    subtheme: 'Subthemes', body_type: 'Knowledge requests by type of body',
  },
  columns: { category: 'Category', thisYear: 'This year', previousYear: 'Previous year', change: 'Change (%)', firstContacts: 'First contacts', knowledgeRequests: 'Knowledge requests', contacts: 'Contacts', total: 'Total' },
  notStated: 'Not stated', notAsked: 'Not asked', otherCountries: 'Other countries', total: 'Total',
  smallCellNote: 'Numbers below 5 are hidden (“<5”).',
  notStatedNote: '{n} of {total} contacts do not have this recorded.',
  themeNote: 'A contact can concern several themes and counts once under each; the sum can therefore exceed the number of contacts.',
  reportTitle: 'Annual report {year}', generated: 'Made {date} by Brobygger', suppressedBanner: 'Published version: small numbers are hidden.',
};

export const REPORT_WORDS: Record<Locale, ReportWords> = { nb, da, en };

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
