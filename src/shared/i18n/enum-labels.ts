import type { Locale } from '../enums.js';

/**
 * Names of channels, kinds of contact and outcomes: one wording for the form, the dashboard and
 * the printed report (the web app merges these into its i18n resources as `enums`).
 */
export interface EnumLabels {
  channel: Record<string, string>;
  kind: Record<string, string>;
  outcome: Record<string, string>;
}

export const ENUM_LABELS: Record<Locale, EnumLabels> = {
  "nb": {
    "channel": {
      "telephone": "Telefon",
      "chat": "Chat",
      "email": "E-post/meldingstjeneste",
      "whatsapp": "WhatsApp",
      "walk_in": "Fysisk oppmøte",
      "voicemail": "Telefonsvarer"
    },
    "kind": {
      "first_contact": "Førstegangshenvendelse",
      "repeat_contact": "Gjentatt henvendelse",
      "knowledge_request": "Kunnskapsforespørsel fra instans",
      "talk_given": "Foredrag eller kurs"
    },
    "outcome": {
      "advice_given": "Råd gitt",
      "referred": "Henvist videre",
      "follow_up_case": "Oppfølgingssak opprettet"
    }
  },
  "da": {
    "channel": {
      "telephone": "Telefon",
      "chat": "Chat",
      "email": "E-mail/besked",
      "whatsapp": "WhatsApp",
      "walk_in": "Personligt fremmøde",
      "voicemail": "Telefonsvarer"
    },
    "kind": {
      "first_contact": "Førstegangshenvendelse",
      "repeat_contact": "Gentagen henvendelse",
      "knowledge_request": "Videnshenvendelse fra instans",
      "talk_given": "Oplæg eller kursus"
    },
    "outcome": {
      "advice_given": "Rådgivning givet",
      "referred": "Henvist videre",
      "follow_up_case": "Opfølgningssag oprettet"
    }
  },
  "en": {
    "channel": {
      "telephone": "Telephone",
      "chat": "Chat",
      "email": "E-mail/message",
      "whatsapp": "WhatsApp",
      "walk_in": "Walk-in",
      "voicemail": "Voicemail"
    },
    "kind": {
      "first_contact": "First contact",
      "repeat_contact": "Repeat contact",
      "knowledge_request": "Knowledge request from a body",
      "talk_given": "Talk or course"
    },
    "outcome": {
      "advice_given": "Advice given",
      "referred": "Referred onward",
      "follow_up_case": "Follow-up case opened"
    }
  }
};
