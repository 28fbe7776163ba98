import type { Locale } from '../../shared/enums.js';
import { ENUM_LABELS } from '../../shared/i18n/enum-labels.js';
import { escape as escapeHtml } from '../stats/html.js';
import type { CaseExport } from './export.js';
import { CASE_WORDS as WORDS } from './words.js';

/** Headings and notes only the printed export has. */
const EXPORT_WORDS: Record<Locale, Record<string, string>> = {
  nb: {
    title: 'Innsyn: opplysninger i oppfølgingssak', exported: 'Hentet ut', helpline: 'Tjeneste', facts: 'Saken', consents: 'Samtykker',
    withdrawn: 'trukket tilbake', none: 'Ingen.', protection: 'Sperret adresse', addressNotIncluded: 'Adressen og kontaktopplysningene tas aldri med i en utskrift. Personen kan få dem vist av saksbehandleren.',
    contacts: 'Henvendelser saken bygger på', channel: 'Kanal', summary: 'Sammendrag', mail: 'Postregister', anonymised: 'Anonymisert',
  },
  da: {
    title: 'Indsigt: oplysninger i opfølgningssag', exported: 'Trukket ud', helpline: 'Tjeneste', facts: 'Sagen', consents: 'Samtykker',
    withdrawn: 'trukket tilbage', none: 'Ingen.', protection: 'Hemmelig adresse', addressNotIncluded: 'Adressen og kontaktoplysningerne kommer aldrig med i en udskrift. Personen kan få dem vist af sagsbehandleren.',
    contacts: 'Henvendelser sagen bygger på', channel: 'Kanal', summary: 'Resumé', mail: 'Postregister', anonymised: 'Anonymiseret',
  },
  en: {
    title: 'Access request: what a follow-up case holds', exported: 'Exported', helpline: 'Service', facts: 'The case', consents: 'Consents',
    withdrawn: 'withdrawn', none: 'None.', protection: 'Protected address', addressNotIncluded: 'The address and contact details are never included in an export. The caseworker can show them to the person.',
    contacts: 'Contacts the case grew from', channel: 'Channel', summary: 'Summary', mail: 'Mail register', anonymised: 'Anonymised',
  },
};

/** As the report pages escape, with a dash for what is not there. */
const escape = (s: string | number | null | undefined) => escapeHtml(s ?? '–');

type Words = (typeof WORDS)['nb'];
const pick = (group: Record<string, string>, key: string | null | undefined) => (key ? group[key] ?? key : '–');

/** A table of rows under a heading, or "None." */
function section(title: string, head: string[], rows: (string | number | null)[][], none: string): string {
  const body = rows.length
    ? `<table><thead><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((v) => `<td>${escape(v)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
    : `<p>${escape(none)}</p>`;
  return `<section><h2>${escape(title)}</h2>${body}</section>`;
}

/**
 * The access-request export as a self-contained printable page (no script, no external request),
 * in the coordinator's language: what the person is entitled to see, in words they can read.
 */
export function caseExportHtml(e: CaseExport, locale: Locale): string {
  const w: Words = WORDS[locale];
  const x = EXPORT_WORDS[locale];
  const day = (d: string | null) => (d ? new Date(`${d.slice(0, 10)}T12:00:00Z`).toLocaleDateString(locale === 'nb' ? 'nb-NO' : locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long' }) : '–');
  const c = e.case;
  const facts: [string, string][] = [
    [x.helpline, e.helplineName[locale] ?? e.helplineName.nb ?? ''],
    [w.pseudonym, c.anonymisedAt ? x.anonymised : c.pseudonym],
    [w.userGroup, pick(w.userGroups, c.userGroup)],
    [w.status, pick(w.statuses, c.status)],
    [w.opened, day(c.openedAt)],
    [w.closedAt, day(c.closedAt)],
    [w.closeReason, pick(w.closeReasons, c.closeReason)],
    [w.closeOutcome, c.closeOutcome ?? '–'],
    [w.timeLimit, day(c.timeLimit)],
  ];
  const p = e.person;
  const person: [string, string][] = p ? [
    [w.personName, p.name ?? '–'], [w.personBirthYear, String(p.birthYear ?? '–')], [w.personGender, pick(w.genders, p.gender)],
    [w.personLanguages, p.languages.join(', ') || '–'], [w.personReach, p.reach ?? '–'],
  ] : [];
  const dl = (rows: [string, string][]) => `<dl>${rows.map(([k, v]) => `<div><dt>${escape(k)}</dt><dd>${escape(v)}</dd></div>`).join('')}</dl>`;
  const protection = e.protection
    ? `<section><h2>${escape(x.protection)}</h2>${dl([[w.protectionLevel, pick(w.protectionLevels, e.protection.level)], [w.mailAgreementOn, day(e.protection.mailAgreementOn)], [w.mailInitiatedBy, pick(w.mailInitiators, e.protection.mailInitiatedBy)]])}<p class="note">${escape(x.addressNotIncluded)}</p></section>`
    : '';
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(x.title)}</title>
<style>
  body { font-family: Inter, Arial, sans-serif; color: #1a1a1a; max-width: 760px; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 2px solid #c8102e; }
  dl div { display: grid; grid-template-columns: 12rem 1fr; gap: .5rem; padding: .15rem 0; } dt { font-weight: bold; } dd { margin: 0; white-space: pre-line; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .25rem .4rem; border-bottom: 1px solid #ddd; }
  .note { font-size: .9rem; color: #444; }
  @media print { body { margin: 0; } }
</style></head>
<body>
<main>
<h1>${escape(x.title)}</h1>
<p>${escape(x.exported)}: ${escape(day(e.exportedAt))}</p>
<section><h2>${escape(x.facts)}</h2>${dl(facts)}</section>
${section(x.consents, [w.consentForm, w.consentGivenOn, w.consentCovers, x.withdrawn], e.consents.map((k) => [pick(w.consentForms, k.form), day(k.givenOn), k.covers.map((a) => pick(w.agencies, a)).join(', '), k.withdrawnOn ? day(k.withdrawnOn) : '–']), x.none)}
<section><h2>${escape(w.personTitle)}</h2>${p ? dl(person) : `<p>${escape(x.none)}</p>`}</section>
${protection}
${section(w.activitiesTitle, [w.activityDate, w.activityCategory, w.activityDuration, w.activityNote], e.activities.map((a) => [day(a.happenedOn), pick(w.activityCategories, a.category) + (a.meetingRole ? ` (${pick(w.meetingRoles, a.meetingRole)})` : ''), a.durationMinutes, a.note]), x.none)}
${section(w.referralsTitle, [w.referralDate, w.referralAgency, w.referralReason, w.referralOutcome], e.referrals.map((r) => [day(r.referredOn), [pick(w.agencies, r.agencyType), r.agencyName].filter(Boolean).join(', '), r.reason, r.outcome ? `${day(r.outcomeOn)}: ${r.outcome}` : '–']), x.none)}
${e.mailItems.length ? section(x.mail, [w.mailReceivedOn, w.mailSender, w.mailStatus], e.mailItems.map((m) => [day(m.receivedOn), m.sender, m.handled === 'waiting' ? w.mailHandled.waiting : w.mailHandled[m.handled].replace('{{date}}', day(m.handledOn))]), x.none) : ''}
${section(x.contacts, [w.activityDate, x.channel, x.summary], e.contacts.map((k) => [day(k.startedAt), pick(ENUM_LABELS[locale].channel, k.channel), k.summary]), x.none)}
</main>
</body>
</html>`;
}
