import type { Locale } from '../enums.js';

/**
 * Messages the server sends to users (errors), and field names for them, in every locale.
 * The web app imports the same catalogue, so a field is named the same on screen and in errors.
 */
type Catalogue = { errors: Record<string, string>; fields: Record<string, string> };

const nb: Catalogue = {
  errors: {
    validation: 'Feltet «{field}» er ugyldig: {reason}',
    required: 'Feltet «{field}» må fylles ut.',
    invalid_type: 'Feltet «{field}» har feil type.',
    too_small: 'Feltet «{field}» er for kort eller for lite.',
    too_big: 'Feltet «{field}» er for langt eller for stort.',
    invalid_value: 'Feltet «{field}» har en verdi som ikke er tillatt.',
    invalid_format: 'Feltet «{field}» har feil format.',
    unknown_field: 'Feltet «{field}» er ukjent.',
    invalid_json: 'Forespørselen er ikke gyldig JSON.',
    unauthenticated: 'Du må logge inn.',
    forbidden: 'Du har ikke tilgang til dette.',
    not_found: 'Fant ikke det du lette etter.',
    invalid_credentials: 'Feil e-post eller passord.',
    locked: 'For mange mislykkede forsøk. Prøv igjen om {minutes} minutter.',
    rate_limited: 'For mange forespørsler. Vent litt og prøv igjen.',
    conflict: 'Noen andre har endret dette i mellomtiden. Last inn på nytt.',
    email_taken: 'E-postadressen er allerede i bruk.',
    unknown_category: 'Feltet «{field}» inneholder en kategori som ikke finnes for denne hjelpelinjen.',
    retired_category: 'Feltet «{field}» inneholder en kategori som er tatt ut av bruk.',
    age_outside_group: 'Alderen passer ikke med valgt aldersgruppe.',
    channel_not_offered: 'Hjelpelinjen har ikke kanalen «{value}».',
    setup_done: 'Første administrator er allerede opprettet.',
    invalid_setup_token: 'Lenken for oppsett er ugyldig eller utløpt.',
    invalid_reset_token: 'Lenken for nytt passord er ugyldig, brukt eller utløpt. Be en administrator om en ny.',
    last_admin: 'Dette er den siste aktive administratoren. Gi en annen bruker rollen administrator først.',
    import_invalid: 'Filen ble ikke importert: {count} feil.',
    import_format: 'Filen kunne ikke leses: {reason}',
    import_unreadable: 'det er ikke en CSV- eller XLSX-fil.',
    import_csv_error: 'CSV-filen har en feil på linje {line}.',
    import_too_many_rows: 'filen har mer enn {max} rader.',
    import_no_rows: 'filen har ingen rader med henvendelser.',
    import_unknown_columns: 'ukjente kolonner: {columns}.',
    import_repeated_columns: 'kolonner som står mer enn én gang: {columns}.',
    import_missing_columns: 'mangler kolonnene {columns}.',
    import_whole_number: 'Kolonnen «{field}» må være et helt tall.',
    import_unknown_code: 'Kolonnen «{field}» har koden «{value}», som ikke finnes for denne hjelpelinjen.',
    import_date_format: 'Kolonnen «{field}» må være et tidspunkt som 2024-03-05 14:30, 2024-03-05T14:30:00+01:00 eller 2024-03-05.',
    import_themes_format: 'Kolonnen «{field}» må skrives som tema(undertema,undertema)|tema.',
    internal: 'Noe gikk galt hos oss. Prøv igjen.',
  },
  fields: {
    email: 'E-post', password: 'Passord', role: 'Rolle', locale: 'Språk', displayName: 'Navn',
    helplineId: 'Hjelpelinje', channel: 'Kanal', kind: 'Type henvendelse', startedAt: 'Tidspunkt',
    durationMinutes: 'Varighet (minutter)', whoId: 'Hvem tar kontakt', ageGroupId: 'Aldersgruppe', age: 'Alder',
    genderId: 'Kjønn', country: 'Landbakgrunn', themes: 'Temaer', themeId: 'Tema', subthemeIds: 'Undertemaer',
    bodyTypeId: 'Type instans', summary: 'Sammendrag', outcomes: 'Utfall', referredToId: 'Henvist til',
    version: 'Versjon', year: 'År', body: 'Innhold', file: 'Fil', helplineIds: 'Hjelpelinjer', token: 'Oppsettslenke',
    format: 'Filformat', fileName: 'Filnavn', includeSummary: 'Ta med sammendrag',
  },
};

const da: Catalogue = {
  errors: {
    validation: 'Feltet «{field}» er ugyldigt: {reason}',
    required: 'Feltet «{field}» skal udfyldes.',
    invalid_type: 'Feltet «{field}» har forkert type.',
    too_small: 'Feltet «{field}» er for kort eller for lille.',
    too_big: 'Feltet «{field}» er for langt eller for stort.',
    invalid_value: 'Feltet «{field}» har en værdi, som ikke er tilladt.',
    invalid_format: 'Feltet «{field}» har forkert format.',
    unknown_field: 'Feltet «{field}» er ukendt.',
    invalid_json: 'Forespørgslen er ikke gyldig JSON.',
    unauthenticated: 'Du skal logge ind.',
    forbidden: 'Du har ikke adgang til dette.',
    not_found: 'Det, du ledte efter, blev ikke fundet.',
    invalid_credentials: 'Forkert e-mail eller adgangskode.',
    locked: 'For mange mislykkede forsøg. Prøv igen om {minutes} minutter.',
    rate_limited: 'For mange forespørgsler. Vent lidt, og prøv igen.',
    conflict: 'En anden har ændret dette imens. Indlæs siden igen.',
    email_taken: 'E-mailadressen er allerede i brug.',
    unknown_category: 'Feltet «{field}» indeholder en kategori, som ikke findes for denne hjælpelinje.',
    retired_category: 'Feltet «{field}» indeholder en kategori, som ikke længere bruges.',
    age_outside_group: 'Alderen passer ikke med den valgte aldersgruppe.',
    channel_not_offered: 'Hjælpelinjen har ikke kanalen «{value}».',
    setup_done: 'Første administrator er allerede oprettet.',
    invalid_setup_token: 'Opsætningslinket er ugyldigt eller udløbet.',
    invalid_reset_token: 'Linket til ny adgangskode er ugyldigt, brugt eller udløbet. Bed en administrator om et nyt.',
    last_admin: 'Dette er den sidste aktive administrator. Giv en anden bruger rollen administrator først.',
    import_invalid: 'Filen blev ikke importeret: {count} fejl.',
    import_format: 'Filen kunne ikke læses: {reason}',
    import_unreadable: 'det er ikke en CSV- eller XLSX-fil.',
    import_csv_error: 'CSV-filen har en fejl i linje {line}.',
    import_too_many_rows: 'filen har mere end {max} rækker.',
    import_no_rows: 'filen har ingen rækker med henvendelser.',
    import_unknown_columns: 'ukendte kolonner: {columns}.',
    import_repeated_columns: 'kolonner, der står mere end én gang: {columns}.',
    import_missing_columns: 'mangler kolonnerne {columns}.',
    import_whole_number: 'Kolonnen «{field}» skal være et helt tal.',
    import_unknown_code: 'Kolonnen «{field}» har koden «{value}», som ikke findes for denne hjælpelinje.',
    import_date_format: 'Kolonnen «{field}» skal være et tidspunkt som 2024-03-05 14:30, 2024-03-05T14:30:00+01:00 eller 2024-03-05.',
    import_themes_format: 'Kolonnen «{field}» skal skrives som tema(undertema,undertema)|tema.',
    internal: 'Noget gik galt hos os. Prøv igen.',
  },
  fields: {
    email: 'E-mail', password: 'Adgangskode', role: 'Rolle', locale: 'Sprog', displayName: 'Navn',
    helplineId: 'Hjælpelinje', channel: 'Kanal', kind: 'Type henvendelse', startedAt: 'Tidspunkt',
    durationMinutes: 'Varighed (minutter)', whoId: 'Hvem henvender sig', ageGroupId: 'Aldersgruppe', age: 'Alder',
    genderId: 'Køn', country: 'Landebaggrund', themes: 'Temaer', themeId: 'Tema', subthemeIds: 'Undertemaer',
    bodyTypeId: 'Type instans', summary: 'Resumé', outcomes: 'Udfald', referredToId: 'Henvist til',
    version: 'Version', year: 'År', body: 'Indhold', file: 'Fil', helplineIds: 'Hjælpelinjer', token: 'Opsætningslink',
    format: 'Filformat', fileName: 'Filnavn', includeSummary: 'Medtag resumé',
  },
};

const en: Catalogue = {
  errors: {
    validation: 'The field “{field}” is invalid: {reason}',
    required: 'The field “{field}” is required.',
    invalid_type: 'The field “{field}” has the wrong type.',
    too_small: 'The field “{field}” is too short or too small.',
    too_big: 'The field “{field}” is too long or too large.',
    invalid_value: 'The field “{field}” has a value that is not allowed.',
    invalid_format: 'The field “{field}” has the wrong format.',
    unknown_field: 'The field “{field}” is not known.',
    invalid_json: 'The request is not valid JSON.',
    unauthenticated: 'Please log in.',
    forbidden: 'You do not have access to this.',
    not_found: 'Not found.',
    invalid_credentials: 'Wrong e-mail or password.',
    locked: 'Too many failed attempts. Try again in {minutes} minutes.',
    rate_limited: 'Too many requests. Wait a moment and try again.',
    conflict: 'Someone else changed this in the meantime. Reload and try again.',
    email_taken: 'That e-mail address is already in use.',
    unknown_category: 'The field “{field}” holds a category this helpline does not have.',
    retired_category: 'The field “{field}” holds a category that has been retired.',
    age_outside_group: 'The age does not match the chosen age group.',
    channel_not_offered: 'The helpline does not offer the channel “{value}”.',
    setup_done: 'The first administrator has already been created.',
    invalid_setup_token: 'The setup link is invalid or has expired.',
    invalid_reset_token: 'The password link is invalid, used or expired. Ask an administrator for a new one.',
    last_admin: 'This is the last active administrator. Make another user an administrator first.',
    import_invalid: 'The file was not imported: {count} errors.',
    import_format: 'The file could not be read: {reason}',
    import_unreadable: 'it is not a CSV or XLSX file.',
    import_csv_error: 'the CSV file has an error on line {line}.',
    import_too_many_rows: 'the file has more than {max} rows.',
    import_no_rows: 'the file has no rows of contacts.',
    import_unknown_columns: 'unknown columns: {columns}.',
    import_repeated_columns: 'columns that appear more than once: {columns}.',
    import_missing_columns: 'the columns {columns} are missing.',
    import_whole_number: 'The column “{field}” must be a whole number.',
    import_unknown_code: 'The column “{field}” holds the code “{value}”, which this helpline does not have.',
    import_date_format: 'The column “{field}” must be a time such as 2024-03-05 14:30, 2024-03-05T14:30:00+01:00 or 2024-03-05.',
    import_themes_format: 'The column “{field}” must be written as theme(subtheme,subtheme)|theme.',
    internal: 'Something went wrong on our side. Please try again.',
  },
  fields: {
    email: 'E-mail', password: 'Password', role: 'Role', locale: 'Language', displayName: 'Name',
    helplineId: 'Helpline', channel: 'Channel', kind: 'Kind of contact', startedAt: 'Time',
    durationMinutes: 'Duration (minutes)', whoId: 'Who contacts', ageGroupId: 'Age group', age: 'Age',
    genderId: 'Gender', country: 'Country background', themes: 'Themes', themeId: 'Theme', subthemeIds: 'Subthemes',
    bodyTypeId: 'Type of body', summary: 'Summary', outcomes: 'Outcome', referredToId: 'Referred to',
    version: 'Version', year: 'Year', body: 'Body', file: 'File', helplineIds: 'Helplines', token: 'Setup link',
    format: 'File format', fileName: 'File name', includeSummary: 'Include summary',
  },
};

export const MESSAGES: Record<Locale, Catalogue> = { nb, da, en };

export function formatMessage(locale: Locale, code: string, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[locale].errors[code] ?? MESSAGES[locale].errors.internal;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Field name for humans: the last named segment of a path like `themes.0.themeId`. */
export function fieldLabel(locale: Locale, path: string): string {
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
  const last = segments[segments.length - 1] ?? path;
  return MESSAGES[locale].fields[last] ?? last;
}
