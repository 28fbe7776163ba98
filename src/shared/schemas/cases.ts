import { z } from 'zod';
import { ACTIVITY_CATEGORIES, AGENCY_TYPES, CASE_CLOSE_REASONS, MAIL_HANDLING, MAIL_INITIATORS, MEETING_ROLES, CASE_STATUSES, CONSENT_FORMS, PERSON_GENDERS, PROTECTION_LEVELS, USER_GROUPS } from '../enums.js';
import { IsoDate, withoutNul } from './dates.js';

/** Zod schemas for follow-up cases (issue 9), shared by server routes and the web app. */

/** A label the caseworkers recognise the case by: never a name (no consent is recorded here). */
const Pseudonym = z.string().trim().min(1).max(60).refine(withoutNul, { message: 'invalid_characters' });

export const CaseOpenBody = z.strictObject({
  helplineId: z.string().min(2).max(60),
  userGroup: z.enum(USER_GROUPS),
  pseudonym: Pseudonym,
  /** The contacts the case grows from (linked, not copied); none for a person transferred directly. */
  contactIds: z.array(z.uuid()).max(50).default([]),
  /** Support until this date (e.g. six months after discharge), if the service sets a time limit. */
  timeLimit: IsoDate().nullable().default(null),
  /** Coordinators may open a case for a colleague; everyone else owns what they open. */
  ownerId: z.uuid().optional(),
});
export type CaseOpenBody = z.infer<typeof CaseOpenBody>;

export const CaseStatusBody = z.strictObject({
  status: z.enum(CASE_STATUSES),
  /** Required when closing, and only then. */
  closeReason: z.enum(CASE_CLOSE_REASONS).nullable().default(null),
  closeOutcome: z.string().trim().max(500).refine(withoutNul, { message: 'invalid_characters' }).nullable().default(null),
  version: z.number().int().positive(),
});
export type CaseStatusBody = z.infer<typeof CaseStatusBody>;

/** Consent as recorded: signed form or verbal, the date it was given, the agency types it covers. */
export const ConsentBody = z.strictObject({
  form: z.enum(CONSENT_FORMS),
  givenOn: IsoDate(),
  covers: z.array(z.enum(AGENCY_TYPES)).min(1).max(AGENCY_TYPES.length).refine((a) => new Set(a).size === a.length, { message: 'invalid_value' }),
});
export type ConsentBody = z.infer<typeof ConsentBody>;

export const ConsentWithdrawBody = z.strictObject({ withdrawnOn: IsoDate() });
export type ConsentWithdrawBody = z.infer<typeof ConsentWithdrawBody>;

const ShortText = (max: number) => z.string().trim().min(1).max(max).refine(withoutNul, { message: 'invalid_characters' });

/** What consent allows to be recorded about the person; every field may be left out (null). */
export const PersonBody = z.strictObject({
  name: ShortText(120).nullable().default(null),
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  gender: z.enum(PERSON_GENDERS).nullable().default(null),
  languages: z.array(ShortText(40)).max(10).default([]),
  /** How to reach the person safely, and when not to call (encrypted at rest). */
  reach: ShortText(500).nullable().default(null),
});
export type PersonBody = z.infer<typeof PersonBody>;

export const ConsentResponse = z.object({
  form: z.enum(CONSENT_FORMS),
  givenOn: z.string(),
  covers: z.array(z.enum(AGENCY_TYPES)),
  recordedAt: z.string(),
});
export const PersonResponse = z.object({
  name: z.string().nullable(),
  birthYear: z.number().nullable(),
  gender: z.enum(PERSON_GENDERS).nullable(),
  languages: z.array(z.string()),
  reach: z.string().nullable(),
  updatedAt: z.string(),
});

export const ReferralBody = z.strictObject({
  agencyType: z.enum(AGENCY_TYPES),
  /** Which office or person, if it helps (e.g. "NAV Grünerløkka"); never the person referred. */
  agencyName: ShortText(120).nullable().default(null),
  reason: ShortText(500),
  referredOn: IsoDate(),
  /** We go with the person (a bridge builder's role). */
  accompanied: z.boolean().default(false),
  /** A coordinator's written reason for referring to an agency the consent does not cover. */
  overrideReason: ShortText(500).nullable().default(null),
  /** The service in the directory, when the referral goes to one listed there. */
  directoryServiceId: z.uuid().nullable().default(null),
});
export type ReferralBody = z.infer<typeof ReferralBody>;

export const ReferralOutcomeBody = z.strictObject({
  outcome: ShortText(500),
  outcomeOn: IsoDate(),
  version: z.number().int().positive(),
});
export type ReferralOutcomeBody = z.infer<typeof ReferralOutcomeBody>;

export const ReferralResponse = z.object({
  id: z.uuid(),
  agencyType: z.enum(AGENCY_TYPES),
  agencyName: z.string().nullable(),
  /** Null once the case is anonymised. */
  reason: z.string().nullable(),
  referredOn: z.string(),
  accompanied: z.boolean(),
  overrideReason: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  directoryServiceId: z.uuid().nullable(),
  version: z.number(),
});

export const ActivityBody = z.strictObject({
  category: z.enum(ACTIVITY_CATEGORIES),
  happenedOn: IsoDate(),
  durationMinutes: z.number().int().min(0).max(1440).nullable().default(null),
  /** Only for a meeting with external agencies: the role we had. */
  meetingRole: z.enum(MEETING_ROLES).nullable().default(null),
  note: ShortText(1000).nullable().default(null),
});
export type ActivityBody = z.infer<typeof ActivityBody>;

export const ActivityResponse = z.object({
  id: z.uuid(),
  category: z.enum(ACTIVITY_CATEGORIES),
  happenedOn: z.string(),
  durationMinutes: z.number().nullable(),
  meetingRole: z.enum(MEETING_ROLES).nullable(),
  note: z.string().nullable(),
  byName: z.string().nullable(),
});

/**
 * Sperret adresse (kode 6/7) and the mail agreement. The address and contact details are left out
 * to keep what is stored, null to remove it, or given to replace it: no page ever holds them
 * unless a reason was stated to see them.
 */
export const ProtectionBody = z.strictObject({
  level: z.enum(PROTECTION_LEVELS),
  address: ShortText(300).nullable().optional(),
  contactDetails: ShortText(300).nullable().optional(),
  mailAgreementOn: IsoDate().nullable().default(null),
  mailInitiatedBy: z.enum(MAIL_INITIATORS).nullable().default(null),
});
export type ProtectionBody = z.infer<typeof ProtectionBody>;

/** Why the address is needed now (forwarding mail, say): kept in the audit log with the read. */
export const RevealBody = z.strictObject({ reason: z.string().trim().min(10).max(300).refine(withoutNul, { message: 'invalid_characters' }) });
export type RevealBody = z.infer<typeof RevealBody>;

export const RevealedProtection = z.object({ level: z.enum(PROTECTION_LEVELS), address: z.string().nullable(), contactDetails: z.string().nullable() });
export type RevealedProtection = z.infer<typeof RevealedProtection>;

/** What a case page shows of the protection: that it exists, never the address itself. */
export const ProtectionResponse = z.object({
  level: z.enum(PROTECTION_LEVELS),
  hasAddress: z.boolean(),
  hasContactDetails: z.boolean(),
  mailAgreementOn: z.string().nullable(),
  mailInitiatedBy: z.enum(MAIL_INITIATORS).nullable(),
  updatedAt: z.string(),
});

export const MailItemBody = z.strictObject({
  receivedOn: IsoDate(),
  /** Who sent it, as the envelope says (NAV, a court, a bank); optional. */
  sender: ShortText(120).nullable().default(null),
});
export type MailItemBody = z.infer<typeof MailItemBody>;

export const MailHandledBody = z.strictObject({
  handled: z.enum(MAIL_HANDLING),
  handledOn: IsoDate(),
  version: z.number().int().positive(),
});
export type MailHandledBody = z.infer<typeof MailHandledBody>;

export const MailItemResponse = z.object({
  id: z.uuid(),
  receivedOn: z.string(),
  sender: z.string().nullable(),
  handled: z.enum(['waiting', ...MAIL_HANDLING]),
  handledOn: z.string().nullable(),
  version: z.number(),
});

/** A task on a case: what to do, by when (issue 9 point 6). */
export const TaskBody = z.strictObject({ title: ShortText(200), dueOn: IsoDate() });
export type TaskBody = z.infer<typeof TaskBody>;

export const TaskDoneBody = z.strictObject({ done: z.boolean(), version: z.number().int().positive() });
export type TaskDoneBody = z.infer<typeof TaskDoneBody>;

/** A task, or (kind `time_limit`, no title) the reminder that the case's time limit runs out. */
export const TaskResponse = z.object({
  id: z.uuid(),
  kind: z.enum(['task', 'time_limit']),
  title: z.string().nullable(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
  version: z.number(),
});

/** A task due soon on a case the user works: the caseload's "to do" list. */
export const DueTask = TaskResponse.omit({ doneAt: true, doneByName: true }).extend({ caseId: z.uuid(), pseudonym: z.string() });
export type DueTask = z.infer<typeof DueTask>;
export const DueTasksQuery = z.object({ scope: z.enum(['mine', 'service']).default('mine') });

/** An erasure request: its reference or reason (kept in the audit log), and the version seen. */
export const AnonymiseBody = z.strictObject({ reason: ShortText(300), version: z.number().int().positive() });
export type AnonymiseBody = z.infer<typeof AnonymiseBody>;

export const CaseResponse = z.object({
  id: z.uuid(),
  helplineId: z.string(),
  userGroup: z.enum(USER_GROUPS),
  pseudonym: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  closeReason: z.enum(CASE_CLOSE_REASONS).nullable(),
  closeOutcome: z.string().nullable(),
  timeLimit: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
  /** When what identified the person was removed; the case then takes no change. */
  anonymisedAt: z.string().nullable(),
  /** The contacts linked to the case, oldest first. */
  contactIds: z.array(z.uuid()),
  /** The consent in force, if any; the date of the last withdrawal otherwise. */
  consent: ConsentResponse.nullable(),
  consentWithdrawnOn: z.string().nullable(),
  /** Only while consent is in force. */
  person: PersonResponse.nullable(),
  /** Referrals made while the case went on, newest first. */
  referrals: z.array(ReferralResponse),
  /** The activity log, newest first. */
  activities: z.array(ActivityResponse),
  /** Sperret adresse and mail agreement, only while consent is in force; never the address. */
  protection: ProtectionResponse.nullable(),
  /** The mail register, newest first. */
  mailItems: z.array(MailItemResponse),
  /** Tasks and time-limit reminders, by due date. */
  tasks: z.array(TaskResponse),
  /** The linked contacts with when and how they came: the timeline's first entries. */
  contacts: z.array(z.object({ id: z.uuid(), startedAt: z.string(), channel: z.string() })),
});
export type CaseResponse = z.infer<typeof CaseResponse>;

/** List rows carry no close outcome (free text is read one case at a time, and audited). */
export const CaseListItem = CaseResponse.omit({ closeOutcome: true, contactIds: true, consent: true, consentWithdrawnOn: true, person: true, referrals: true, activities: true, protection: true, mailItems: true, tasks: true, contacts: true });
export type CaseListItem = z.infer<typeof CaseListItem>;

/** How many days ahead a time limit makes a case due for follow-up in the caseload. */
export const DUE_DAYS = 14;

export const CaseListQuery = z.object({
  /** `mine`: the cases I own; `service`: every case of my helplines (coordinators). */
  scope: z.enum(['mine', 'service']).default('mine'),
  helplineId: z.string().min(2).max(60).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  userGroup: z.enum(USER_GROUPS).optional(),
  ownerId: z.uuid().optional(),
  /** Cases not closed whose time limit has passed or ends within DUE_DAYS. */
  due: z.enum(['true']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseListResponse = z.object({
  /** How many cases the filter finds in all pages. */
  total: z.number(),
  items: z.array(CaseListItem),
  nextCursor: z.string().nullable(),
});
export type CaseListResponse = z.infer<typeof CaseListResponse>;

export const HandOverBody = z.strictObject({ ownerId: z.uuid(), version: z.number().int().positive() });
export type HandOverBody = z.infer<typeof HandOverBody>;

/** One entry of a case's access log: who did what to it, when (no detail: the log itself may hold reasons). */
export const CaseAccessEntry = z.object({ at: z.string(), actorName: z.string().nullable(), action: z.string() });
export type CaseAccessEntry = z.infer<typeof CaseAccessEntry>;
