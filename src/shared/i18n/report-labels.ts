import type { Locale } from '../enums.js';
import { ENUM_LABELS } from './enum-labels.js';

/** Words of the statistics report, per locale. Category labels come from the helpline taxonomy. */
interface ReportText {
  months: string[];
  titles: Record<string, string>;
  columns: Record<string, string>;
  notStated: string;
  notAsked: string;
  otherCountries: string;
  total: string;
  notStatedNote: string;
  themeNote: string;
  reportTitle: string;
  generated: string;
  suppressedBanner: string;
  demoBanner: string;
  /** What each kind of contact counts, as rows, columns and cards of the report. */
  kindRows: Record<string, string>;
  allContacts: string;
  /** The card of first contacts from individuals and bodies together. */
  firstAndKnowledge: string;
  followUpCases: string;
  hiddenNote: string;
  internalBanner: string;
}

const nb: ReportText = {
  months: ['Januar', 'Februar', 'Mars', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Desember'],
  titles: {
    kind: 'Henvendelser etter type', month: 'Førstegangshenvendelser per måned', channel: 'Førstegangshenvendelser fra enkeltpersoner per kanal',
    who: 'Hvem tok kontakt (enkeltpersoner)', age_gender: 'Alder og kjønn (enkeltpersoner)', country: 'Landbakgrunn (enkeltpersoner)', theme: 'Årsak til henvendelse (temaer, enkeltpersoner)',
    subtheme: 'Undertemaer', body_type: 'Kunnskapsforespørsler etter type instans',
    month_all: 'Alle henvendelser per måned, etter type', channel_all: 'Alle henvendelser per kanal, etter type',
  },
  columns: { category: 'Kategori', thisYear: 'I år', previousYear: 'Året før', change: 'Endring (%)', firstContacts: 'Førstegangshenvendelser', knowledgeRequests: 'Kunnskapsforespørsler', contacts: 'Henvendelser', total: 'Totalt', yearToDate: 'Hittil i år (til {to})', samePeriod: 'Samme periode i fjor ({from}–{to})' },
  notStated: 'Ikke oppgitt', notAsked: 'Ikke spurt', otherCountries: 'Andre land', total: 'Totalt',
  notStatedNote: '{n} av {total} henvendelser har ikke dette registrert.',
  themeNote: 'En henvendelse kan gjelde flere temaer og telles én gang under hvert tema; summen kan derfor overstige antall henvendelser.',
  reportTitle: 'Årsrapport {year}', generated: 'Laget {date} av Brobygger', suppressedBanner: 'Publiseringsversjon: små tall er skjult.',
  demoBanner: 'Demodata: {n} av henvendelsene dette året er syntetiske og finnes ikke i virkeligheten.',
  kindRows: { first_contact: 'Førstegangshenvendelser fra enkeltpersoner', repeat_contact: 'Gjentatte henvendelser', knowledge_request: 'Kunnskapsforespørsler fra instanser', talk_given: 'Foredrag og kurs' },
  allContacts: 'Alle henvendelser', firstAndKnowledge: 'Førstegangshenvendelser i alt (enkeltpersoner og instanser)',
  followUpCases: 'Oppfølgingssaker (blant førstegangshenvendelser fra enkeltpersoner)',
  hiddenNote: '«:» = skjult for å verne dem som tok kontakt: tall under {threshold}, og tall de ellers kunne regnes ut fra.',
  internalBanner: 'INTERN – ikke for publisering: alle tall vises, også små tall som kan identifisere noen.',
};

const da: ReportText = {
  months: ['Januar', 'Februar', 'Marts', 'April', 'Maj', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'December'],
  titles: {
    kind: 'Henvendelser efter type', month: 'Førstegangshenvendelser pr. måned', channel: 'Førstegangshenvendelser fra enkeltpersoner pr. kanal',
    who: 'Hvem henvendte sig (enkeltpersoner)', age_gender: 'Alder og køn (enkeltpersoner)', country: 'Landebaggrund (enkeltpersoner)', theme: 'Årsag til henvendelse (temaer, enkeltpersoner)',
    subtheme: 'Undertemaer', body_type: 'Videnforespørgsler efter type instans',
    month_all: 'Alle henvendelser pr. måned, efter type', channel_all: 'Alle henvendelser pr. kanal, efter type',
  },
  columns: { category: 'Kategori', thisYear: 'I år', previousYear: 'Året før', change: 'Ændring (%)', firstContacts: 'Førstegangshenvendelser', knowledgeRequests: 'Videnforespørgsler', contacts: 'Henvendelser', total: 'I alt', yearToDate: 'Året indtil nu (til {to})', samePeriod: 'Samme periode sidste år ({from}–{to})' },
  notStated: 'Ikke oplyst', notAsked: 'Ikke spurgt', otherCountries: 'Andre lande', total: 'I alt',
  notStatedNote: '{n} af {total} henvendelser har ikke dette registreret.',
  themeNote: 'En henvendelse kan handle om flere temaer og tælles én gang under hvert tema; summen kan derfor overstige antallet af henvendelser.',
  reportTitle: 'Årsrapport {year}', generated: 'Lavet {date} af Brobygger', suppressedBanner: 'Publiceringsversion: små tal er skjult.',
  demoBanner: 'Demodata: {n} af årets henvendelser er syntetiske og findes ikke i virkeligheden.',
  kindRows: { first_contact: 'Førstegangshenvendelser fra enkeltpersoner', repeat_contact: 'Gentagne henvendelser', knowledge_request: 'Videnforespørgsler fra instanser', talk_given: 'Oplæg og kurser' },
  allContacts: 'Alle henvendelser', firstAndKnowledge: 'Førstegangshenvendelser i alt (enkeltpersoner og instanser)',
  followUpCases: 'Opfølgningssager (blandt førstegangshenvendelser fra enkeltpersoner)',
  hiddenNote: '«:» = skjult for at beskytte dem, der henvendte sig: tal under {threshold} og tal, de ellers kunne regnes ud fra.',
  internalBanner: 'INTERN – ikke til offentliggørelse: alle tal vises, også små tal, der kan identificere nogen.',
};

const en: ReportText = {
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  titles: {
    kind: 'Contacts by kind', month: 'First contacts per month', channel: 'First contacts from individuals per channel',
    who: 'Who contacted (individuals)', age_gender: 'Age and gender (individuals)', country: 'Country background (individuals)', theme: 'Reason for contact (themes, individuals)',
    subtheme: 'Subthemes', body_type: 'Knowledge requests by type of body',
    month_all: 'All contacts per month, by kind', channel_all: 'All contacts per channel, by kind',
  },
  columns: { category: 'Category', thisYear: 'This year', previousYear: 'Previous year', change: 'Change (%)', firstContacts: 'First contacts', knowledgeRequests: 'Knowledge requests', contacts: 'Contacts', total: 'Total', yearToDate: 'Year to date (to {to})', samePeriod: 'Same period last year ({from}–{to})' },
  notStated: 'Not stated', notAsked: 'Not asked', otherCountries: 'Other countries', total: 'Total',
  notStatedNote: '{n} of {total} contacts do not have this recorded.',
  themeNote: 'A contact can concern several themes and counts once under each; the sum can therefore exceed the number of contacts.',
  reportTitle: 'Annual report {year}', generated: 'Made {date} by Brobygger', suppressedBanner: 'Published version: small numbers are hidden.',
  demoBanner: 'Demo data: {n} of this year’s contacts are synthetic and not real.',
  kindRows: { first_contact: 'First contacts from individuals', repeat_contact: 'Repeat contacts', knowledge_request: 'Knowledge requests from bodies', talk_given: 'Talks and courses' },
  allContacts: 'All contacts', firstAndKnowledge: 'First contacts in all (individuals and bodies)',
  followUpCases: 'Follow-up cases (among first contacts from individuals)',
  hiddenNote: '“:” = hidden to protect those who made contact: numbers below {threshold}, and numbers they could otherwise be worked out from.',
  internalBanner: 'INTERNAL – not for publication: every number is shown, including small numbers that can identify someone.',
};

/** Report words plus the shared names of channels and kinds. */
export type ReportWords = ReportText & { channels: Record<string, string>; kinds: Record<string, string> };

export const REPORT_WORDS: Record<Locale, ReportWords> = {
  nb: { ...nb, channels: ENUM_LABELS.nb.channel, kinds: ENUM_LABELS.nb.kind },
  da: { ...da, channels: ENUM_LABELS.da.channel, kinds: ENUM_LABELS.da.kind },
  en: { ...en, channels: ENUM_LABELS.en.channel, kinds: ENUM_LABELS.en.kind },
};

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

const NUMBER_LOCALE: Record<Locale, string> = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' };

// One formatter per locale, made once: toLocaleString builds a new one on every call, which for the
// hundreds of numbers of a report was a measurable share of each dashboard view.
const per = <T>(make: (tag: string) => T) => {
  const made = {} as Record<Locale, T>;
  return (locale: Locale) => (made[locale] ??= make(NUMBER_LOCALE[locale]));
};
const numberFormat = per((tag) => new Intl.NumberFormat(tag));
const dayFormat = per((tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));

/** 16 179 in Norwegian and Danish, 16,179 in English: numbers as the reader writes them. */
export function formatNumber(value: number | string, locale: Locale): string {
  return typeof value === 'number' ? numberFormat(locale).format(value) : value;
}

/** A day as the reader writes it (30.11.2025, 30 Nov 2025). */
export function formatDay(day: string, locale: Locale): string {
  return dayFormat(locale).format(new Date(`${day}T12:00:00Z`));
}
