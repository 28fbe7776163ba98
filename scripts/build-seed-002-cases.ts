/**
 * Builds the follow-up reproduction data set of seed 002 (Rapport 2022, section 5) as
 * data/seed-002/oppfolging-2022.json, loaded by src/modules/cases/data-set.ts. Every number is
 * stated in the report (SEED) or chosen by us where the report shows only a chart or says nothing
 * (CHOSEN); docs/seed-002-reproduction.md lists them, with the report's own disagreements.
 * Run: npx tsx scripts/build-seed-002-cases.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseDataSet, DataSetCase } from '../src/modules/cases/data-set.js';

type Counts = Record<string, number>;

// SEED 5.2: "Oppfølging av personer fra bo- og støttetilbudet", total 715.
const HOUSING_ACTIVITIES: Counts = {
  phone_mail: 425, practical_help: 27, other_agencies: 73, nav: 40, police: 16, housing_programme: 17,
  kompetanseteamet: 3, child_welfare: 1, external_meeting: 14, physical_meeting: 79, mail_agreement: 20,
};
// SEED 5.3: "Oppfølging av personer fra hjelpelinjen": its rows add up to 165; it prints 164.
const HELPLINE_ACTIVITIES: Counts = {
  phone_mail: 88, practical_help: 7, other_agencies: 13, nav: 5, police: 2, housing_programme: 1,
  kompetanseteamet: 11, child_welfare: 3, external_meeting: 1, physical_meeting: 25, mail_agreement: 9,
};

// SEED 5.1: 45 users: 28 from the housing programmes (6 of them new in 2022, 5.2), 11 first-time
// callers from the helpline, 6 anonymous regulars without consent.
const USERS = { housing_programme: 28, helpline: 11, anonymous_regular: 6 };
const NEW_TRANSFERS = 6;

// CHOSEN: the age and gender chart of users with signed consent (5.1) has no numbers in the text.
// 39 users with consent (all but the 6 anonymous), mostly young women, as the text describes.
const CONSENT_AGES = [17, 18, 19, 19, 20, 20, 21, 21, 21, 22, 22, 22, 23, 23, 23, 24, 24, 24, 25, 25, 25, 26, 26, 27, 27, 28, 28, 29, 30, 31, 32, 33, 34, 35, 37, 39, 41, 44, 48];
const CONSENT_GENDERS = { female: 33, male: 5, other: 1 };

// SEED: "Vi har hatt 42 postavtaler" (mail agreements, 5.4), but the tables hold 20 + 9 = 29
// because mail agreements were first registered in August (5.2). CHOSEN: the 42 items of mail are
// spread over the year, the 29 handled from August on are the ones registered as activities.
const MAIL_ITEMS = { housing_programme: 29, helpline: 13 };
const MAIL_USERS = { housing_programme: 5, helpline: 2 };
// CHOSEN: the report does not count referrals; 5.2 and 5.3 name NAV, DPS, lawyers, police, family
// counselling, housing and school as agencies the users were helped to.
const REFERRALS = {
  housing_programme: ['nav', 'nav', 'dps', 'lawyer', 'police', 'family_counselling', 'school', 'nav'],
  helpline: ['police', 'crisis_centre', 'nav', 'lawyer', 'dps', 'kompetanseteamet'],
};

const YEAR = 2022;
const iso = (month: number, day: number) => `${YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Spreads n events over the months `from`..12 as evenly as the count allows (CHOSEN: the month charts of 5.4 have no numbers). */
function spread(n: number, from = 1): string[] {
  const months = 13 - from;
  return Array.from({ length: n }, (_, i) => iso(from + Math.floor((i * months) / n), 1 + ((i * 7) % 28)));
}

function build(): CaseDataSet {
  const cases: DataSetCase[] = [];
  let consented = 0;
  const genders = Object.entries(CONSENT_GENDERS).flatMap(([g, n]) => Array<string>(n).fill(g));
  for (const [group, n] of Object.entries(USERS) as [keyof typeof USERS, number][]) {
    for (let i = 0; i < n; i++) {
      // Housing users: the last 6 are this year's new transfers; the rest came earlier. Helpline users are new this year.
      const newThisYear = group === 'helpline' || (group === 'housing_programme' && i >= n - NEW_TRANSFERS) || (group === 'anonymous_regular' && i === 0);
      const withConsent = group !== 'anonymous_regular';
      const k = withConsent ? consented++ : -1;
      cases.push({
        ref: `${group}-${i + 1}`,
        userGroup: group,
        openedOn: newThisYear ? iso(1 + (i % 10), 3) : iso(1, 1).replace(String(YEAR), String(YEAR - 1 - (i % 2))),
        consent: withConsent ? { form: 'signed', givenOn: newThisYear ? iso(1 + (i % 10), 10) : `${YEAR - 1}-06-01` } : null,
        person: withConsent ? { birthYear: YEAR - CONSENT_AGES[k], gender: genders[k] } : null,
        mailAgreementOn: group !== 'anonymous_regular' && i < (MAIL_USERS as Counts)[group] ? `${YEAR - 1}-11-01` : null,
        activities: [],
        referrals: [],
        mail: [],
      });
    }
  }
  // Activities go round the group's users in turn, each category spread over the year.
  for (const [group, table] of [['housing_programme', HOUSING_ACTIVITIES], ['helpline', HELPLINE_ACTIVITIES]] as const) {
    const users = cases.filter((c) => c.userGroup === group);
    let turn = 0;
    for (const [category, n] of Object.entries(table)) {
      // Mail agreement activities only from August, when they were first registered (SEED 5.2).
      const days = category === 'mail_agreement' ? spread(n, 8) : spread(n);
      const holders = category === 'mail_agreement' ? users.filter((u) => u.mailAgreementOn) : users;
      days.forEach((on, i) => holders[(turn + i) % holders.length].activities.push({ category, on }));
      turn += n;
    }
    REFERRALS[group].forEach((agencyType, i) => users[(i * 3) % users.length].referrals.push({ agencyType, on: iso(2 + i, 15) }));
    const mailHolders = users.filter((u) => u.mailAgreementOn);
    const registered = table.mail_agreement;
    const items = MAIL_ITEMS[group];
    // The items before August were handled too, but nobody registered that; from August each hand-over is an activity.
    const early = items - registered;
    spread(early, 1).map((d) => (d > iso(7, 31) ? iso(7, 20) : d)).forEach((on, i) => mailHolders[i % mailHolders.length].mail.push({ receivedOn: on, handled: 'collected', handledOn: on, activity: false }));
    for (const holder of mailHolders) {
      for (const a of holder.activities.filter((x) => x.category === 'mail_agreement')) holder.mail.push({ receivedOn: a.on, handled: 'forwarded', handledOn: a.on, activity: true });
    }
  }
  return { source: 'Seed 002, Rapport 2022 for Røde Kors-telefonen, section 5 (see docs/seed-002-reproduction.md)', helplineId: 'rode-kors-telefonen', year: YEAR, cases };
}

const data = build();
const activities = data.cases.flatMap((c) => c.activities);
const sum = (group: string) => data.cases.filter((c) => c.userGroup === group).reduce((a, c) => a + c.activities.length, 0);
if (sum('housing_programme') !== 715 || sum('helpline') !== 165 || data.cases.length !== 45) throw new Error('the data set does not add up to the seed');
if (data.cases.reduce((a, c) => a + c.mail.length, 0) !== 42) throw new Error('mail items do not add up to 42');
// Each registered mail activity is one forwarded item: the activity is the item's hand-over.
for (const c of data.cases) c.activities = c.activities.filter((a) => a.category !== 'mail_agreement');
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '../data/seed-002/oppfolging-2022.json');
fs.writeFileSync(out, `${JSON.stringify(data, null, 1)}\n`);
console.log(`${out}: ${data.cases.length} cases, ${activities.length} activities (mail hand-overs included), ${data.cases.reduce((a, c) => a + c.mail.length, 0)} mail items`);
