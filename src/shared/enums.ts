/** Enums and limits shared by server, web app and CLI. */
export const LOCALES = ['nb', 'da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['admin', 'coordinator', 'caseworker', 'counsellor', 'volunteer', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['telephone', 'chat', 'email', 'whatsapp', 'walk_in', 'voicemail'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CONTACT_KINDS = ['first_contact', 'repeat_contact', 'knowledge_request', 'talk_given'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const OUTCOMES = ['advice_given', 'referred', 'follow_up_case'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const DIMENSIONS = ['theme', 'subtheme', 'who', 'age_group', 'gender', 'body_type'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Follow-up cases (seed 002 section 5): where the person came from. */
export const USER_GROUPS = ['helpline', 'housing_programme', 'anonymous_regular'] as const;
export type UserGroup = (typeof USER_GROUPS)[number];

export const CASE_STATUSES = ['open', 'paused', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Why a case was closed; what came of it is the close outcome (a short text). */
export const CASE_CLOSE_REASONS = ['goal_reached', 'referred_on', 'person_ended', 'no_contact', 'time_limit_reached', 'other'] as const;
export type CaseCloseReason = (typeof CASE_CLOSE_REASONS)[number];

/** How consent was given (seed 002, 5.1: a signed consent form; verbal where a form cannot be signed yet). */
export const CONSENT_FORMS = ['signed', 'verbal'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** The kinds of agency a consent covers and a referral goes to (issue 9, points 3–4; seed 002, 5.4). */
export const AGENCY_TYPES = ['nav', 'police', 'child_welfare', 'housing_programme', 'kompetanseteamet', 'udi', 'dps', 'crisis_centre', 'family_counselling', 'lawyer', 'school', 'gp', 'embassy', 'other'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const PERSON_GENDERS = ['female', 'male', 'other', 'not_stated'] as const;
export type PersonGender = (typeof PERSON_GENDERS)[number];

/** Follow-up activities: the rows of seed 002's tables in section 5, in its order. */
export const ACTIVITY_CATEGORIES = ['phone_mail', 'practical_help', 'other_agencies', 'nav', 'police', 'housing_programme', 'kompetanseteamet', 'child_welfare', 'external_meeting', 'physical_meeting', 'mail_agreement'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

/** Sperret adresse: kode 6 (strengt fortrolig) or kode 7 (fortrolig), set by the police (seed 002, "Postavtaler"). */
export const PROTECTION_LEVELS = ['kode6', 'kode7'] as const;
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];

/** Who asked for the mail agreement: the person, or the housing programme they live in (seed 002). */
export const MAIL_INITIATORS = ['person', 'housing_programme'] as const;

/** What became of an item of mail: the person collected it, or we forwarded it to the agreed address. */
export const MAIL_HANDLING = ['collected', 'forwarded'] as const;

/** Our role in a meeting with external agencies (issue 9, point 3). */
export const MEETING_ROLES = ['coordinator', 'support', 'bridge_builder'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

/** Country background: ISO 3166-1 alpha-2, or one of these two answers. */
export const COUNTRY_NOT_STATED = 'not_stated';
export const COUNTRY_NOT_ASKED = 'not_asked';

export const LIMITS = {
  summaryMax: 4000,
  durationMaxMinutes: 1440,
  emailMax: 254,
  passwordMin: 12,
  passwordMax: 256,
  /** Cells below this are shown as "<5" in published tables. */
  smallCell: 5,
  importMaxRows: 1_000_000,
} as const;
