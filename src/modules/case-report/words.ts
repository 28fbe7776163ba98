import type { Locale } from '../../shared/enums.js';
export { CASE_WORDS, type CaseWords } from '../cases/words.js';

/** The age bands of the users with consent (seed 002, 5.1 shows age and gender of those users). */
export const AGE_BANDS = ['under_18', '18_25', '26_35', '36_plus', 'not_stated'] as const;

/** Titles and headings only the follow-up report has. */
export const CASE_REPORT_WORDS: Record<Locale, {
  title: string; activitiesTotal: string; users: string; newThisYear: string; activities: string; activitiesByMonth: string; activitiesByMonthCategory: string; ageGender: string; other: string;
  referrals: string; mailItems: string; physicalMeetings: string; ageBands: Record<(typeof AGE_BANDS)[number], string>; consentNote: string;
  mailNote: string;
}> = {
  nb: {
    title: 'Oppfølging {year}', activitiesTotal: 'Oppfølgingshenvendelser', users: 'Brukere', newThisYear: 'Herav nye i år', activities: 'Oppfølging per kategori og brukergruppe', activitiesByMonth: 'Oppfølging per måned og brukergruppe', activitiesByMonthCategory: 'Oppfølging per måned og kategori, alle brukergrupper',
    ageGender: 'Alder og kjønn hos brukere med samtykke', other: 'Henvisninger, postavtaler og fysiske møter', referrals: 'Henvisninger', mailItems: 'Post mottatt (postavtaler)', physicalMeetings: 'Fysiske møter',
    ageBands: { under_18: 'Under 18', '18_25': '18–25', '26_35': '26–35', '36_plus': '36 og eldre', not_stated: 'Ikke oppgitt' },
    consentNote: 'Bare brukere med samtykke i kraft i løpet av året; alder ved årets slutt.',
    mailNote: 'Post mottatt teller hver sending i postregisteret; raden «Postavtale» over teller bare utleveringer som er registrert som aktivitet.',
  },
  da: {
    title: 'Opfølgning {year}', activitiesTotal: 'Opfølgningshenvendelser', users: 'Brugere', newThisYear: 'Heraf nye i år', activities: 'Opfølgning pr. kategori og brugergruppe', activitiesByMonth: 'Opfølgning pr. måned og brugergruppe', activitiesByMonthCategory: 'Opfølgning pr. måned og kategori, alle brugergrupper',
    ageGender: 'Alder og køn hos brugere med samtykke', other: 'Henvisninger, postaftaler og fysiske møder', referrals: 'Henvisninger', mailItems: 'Post modtaget (postaftaler)', physicalMeetings: 'Fysiske møder',
    ageBands: { under_18: 'Under 18', '18_25': '18–25', '26_35': '26–35', '36_plus': '36 og ældre', not_stated: 'Ikke oplyst' },
    consentNote: 'Kun brugere med samtykke i kraft i løbet af året; alder ved årets slutning.',
    mailNote: 'Post modtaget tæller hver forsendelse i postregistret; rækken «Postaftale» ovenfor tæller kun udleveringer registreret som aktivitet.',
  },
  en: {
    title: 'Follow-up {year}', activitiesTotal: 'Follow-up activities', users: 'Users', newThisYear: 'Of which new this year', activities: 'Follow-up by category and user group', activitiesByMonth: 'Follow-up by month and user group', activitiesByMonthCategory: 'Follow-up by month and category, all user groups',
    ageGender: 'Age and gender of users with consent', other: 'Referrals, mail agreements and physical meetings', referrals: 'Referrals', mailItems: 'Mail received (mail agreements)', physicalMeetings: 'Physical meetings',
    ageBands: { under_18: 'Under 18', '18_25': '18–25', '26_35': '26–35', '36_plus': '36 and older', not_stated: 'Not stated' },
    consentNote: 'Only users with consent in force during the year; age at the end of the year.',
    mailNote: 'Mail received counts each item in the mail register; the "Mail agreement" row above counts only hand-overs registered as an activity.',
  },
};
