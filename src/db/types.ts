import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types, written once by hand (ARCHITECTURE: types without codegen). snake_case as in SQL. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: Generated<string>;
  password_hash: string;
  role: string;
  locale: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled_at: Date | null;
  created_at: Generated<Date>;
  last_login_at: Date | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  second_factor: Generated<boolean>;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

/** One HSDS 3.0 record of the service directory (decision 0034). */
export interface DirectoryRecordsTable {
  kind: string;
  id: string;
  doc: ColumnType<Record<string, unknown>, string, string>;
  organization_id: string | null;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  link_id: string | null;
  sort_name: string;
}

export interface DirectorySearchTable {
  service_id: string;
  sort_name: string;
  /** Its lexemes, each followed by the weights (A–D) of the fields it stands in: "asylsøk AAC hjelp C". */
  terms: string;
  /** What a result shows of it (search/card.ts), kept so a page is one read by key. */
  card: ColumnType<Record<string, unknown>, string, string>;
  /** The generation of the directory_search_state it was last written in. */
  generation: ColumnType<string, string | number, string | number>;
  target_groups: string[];
  needs: string[];
  areas: string[];
  languages: string[];
  minimum_age: number | null;
  maximum_age: number | null;
  time_zone: string;
  hours: ColumnType<WeeklyHours[], string, string>;
}

/** A weekly opening, as the helplines' schedule code reads it (days 1 = Monday … 7 = Sunday). */
export interface WeeklyHours {
  days: number[];
  opens: string;
  closes: string;
}

export interface CaseChecklistTicksTable {
  case_id: string;
  checklist_id: string;
  item_ids: string[];
  minor: Generated<boolean>;
  acute: Generated<boolean>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface DirectoryWordsTable {
  folded: string;
  word: string;
  services: number;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: ColumnType<unknown, string, string>;
  chain_seq: string | null;
  hash: string | null;
}

export interface HelplinesTable {
  id: string;
  name: ColumnType<Record<string, string>, string, string>;
  time_zone: Generated<string>;
  summary_retention_months: number | null;
  case_anonymise_after_months: Generated<number | null>;
  /** The follow-up activity categories the service uses, in its order; null = all of seed 002's. */
  case_activity_categories: Generated<string[] | null>;
  created_at: Generated<Date>;
  /** 'nb' or 'da': the helpline's own language — summaries are searched in it, the import template's example row is written in it. */
  language: Generated<string>;
  small_cell_threshold: Generated<number | null>;
}

export interface HelplineChannelsTable {
  helpline_id: string;
  channel: string;
  opening_hours: ColumnType<unknown, string, string>;
  sort_order: Generated<number>;
}

export interface UserHelplinesTable {
  user_id: string;
  helpline_id: string;
}

export interface TaxonomyCategoriesTable {
  id: Generated<number>;
  helpline_id: string;
  dimension: string;
  code: string;
  parent_id: number | null;
  sort_order: Generated<number>;
  min_age: number | null;
  max_age: number | null;
}

export interface TaxonomyLabelsTable {
  category_id: number;
  valid_from: DateOnly;
  label: ColumnType<Record<string, string>, string, string>;
  retired: Generated<boolean>;
}

export interface ImportBatchesTable {
  id: Generated<string>;
  helpline_id: string;
  file_name: string;
  row_count: number;
  imported_by: string | null;
  imported_at: Generated<Date>;
  /** loading → published → undoing → undone; only published batches' contacts are seen. */
  state: Generated<string>;
  file_sha256: string | null;
  heartbeat_at: Generated<Date>;
  undone_by: string | null;
  undone_at: Date | null;
}

/** A batch's own statistics counts while it loads or is undone (decision 0011). */
export interface ImportBatchCountsTable extends ContactCountsTable {
  batch_id: string;
}

export interface ContactsTable {
  id: Generated<string>;
  helpline_id: string;
  channel: string;
  kind: string;
  started_at: Timestamp;
  local_date: DateOnly;
  duration_minutes: number | null;
  who_id: number | null;
  age_group_id: number | null;
  age: number | null;
  gender_id: number | null;
  country: string;
  body_type_id: number | null;
  summary: string | null;
  outcomes: string[];
  referred_to_id: number | null;
  source: string;
  import_batch_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ContactThemesTable {
  contact_id: string;
  theme_id: number;
  subtheme_ids: number[];
  helpline_id: string;
  local_date: DateOnly;
  kind: string;
}

export interface ContactRevisionsTable {
  id: Generated<string>;
  contact_id: string;
  version: number;
  changed_by: string | null;
  changed_at: Generated<Date>;
  before: ColumnType<unknown, string, string>;
}

/** Narrow statistics counts: one row per helpline, year, month, kind, dimension and value. */
export interface ContactCountsTable {
  helpline_id: string;
  year: number;
  month: number;
  kind: string;
  dimension: string;
  k1: string | null;
  k2: string | null;
  n: number;
}

export interface LoginFailuresTable {
  key: string;
  failures: number;
  last_failed_at: Timestamp;
}

export interface LoginDevicesTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
  password_reset_tokens: PasswordResetTokensTable;
  audit_log: AuditLogTable;
  directory_records: DirectoryRecordsTable;
  directory_search: DirectorySearchTable;
  directory_words: DirectoryWordsTable;
  directory_search_state: { one: Generated<boolean>; generation: ColumnType<string, string | number, string | number>; rebuilt_generation: ColumnType<string, string | number, string | number> };
  case_checklist_ticks: CaseChecklistTicksTable;
  helplines: HelplinesTable;
  helpline_channels: HelplineChannelsTable;
  user_helplines: UserHelplinesTable;
  taxonomy_categories: TaxonomyCategoriesTable;
  taxonomy_labels: TaxonomyLabelsTable;
  import_batches: ImportBatchesTable;
  contacts: ContactsTable;
  contact_themes: ContactThemesTable;
  contact_revisions: ContactRevisionsTable;
  contact_counts: ContactCountsTable;
  contact_count_deltas: ContactCountsTable;
  contact_count_folds: { one: Generated<boolean>; generation: string };
  import_batch_counts: ImportBatchCountsTable;
  second_factors: SecondFactorsTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_challenges: SignInChallengesTable;
  login_failures: LoginFailuresTable;
  login_devices: LoginDevicesTable;
  passkeys: PasskeysTable;
  passkey_challenges: PasskeyChallengesTable;
  rate_limit_hits: RateLimitHitsTable;
  import_jobs: ImportJobsTable;
  cases: CasesTable;
  case_contacts: CaseContactsTable;
  case_consents: CaseConsentsTable;
  case_persons: CasePersonsTable;
  case_protections: CaseProtectionsTable;
  case_mail_items: CaseMailItemsTable;
  case_tasks: CaseTasksTable;
  case_referrals: CaseReferralsTable;
  case_activities: CaseActivitiesTable;
}

export interface SecondFactorsTable {
  user_id: string;
  /** Encrypted (src/server/crypto/field-encryption.ts), never the secret itself. */
  totp_secret: string;
  confirmed_at: Date | null;
  last_used_step: ColumnType<string, string | number | undefined, string | number>;
  created_at: Generated<Date>;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface SignInChallengesTable {
  token_hash: string;
  user_id: string;
  purpose: 'verify' | 'enrol';
  failures: Generated<number>;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

/** A WebAuthn credential: its public key only (docs/decisions/0020). */
export interface PasskeysTable {
  id: Generated<string>;
  user_id: string;
  credential_id: string;
  public_key: string;
  sign_count: ColumnType<string, string | number | undefined, string | number>;
  transports: Generated<string>;
  name: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
}

/** A one-time WebAuthn challenge, bound to the session or pending sign-in that asked for it. */
export interface PasskeyChallengesTable {
  bound_to: string;
  purpose: 'register' | 'sign_in';
  user_id: string;
  challenge: string;
  expires_at: Timestamp;
}

export type UserRow = Selectable<UsersTable>;
export type ContactRow = Selectable<ContactsTable>;
export type NewContact = Insertable<ContactsTable>;

/** Requests per route and client in the current window (docs/decisions/0025); the key is a SHA-256. */
export interface RateLimitHitsTable {
  key: string;
  hits: number;
  resets_at: Timestamp;
}

/** The progress of a running import or undo, readable from every node (src/modules/imports/progress.ts). */
export interface ImportJobsTable {
  job_id: string;
  owner_id: string;
  phase: 'checking' | 'publishing' | 'done' | 'failed';
  checked: number;
  loaded: number;
  updated_at: Generated<Date>;
}

/** A follow-up case (oppfølgingssak): no identifying data, a pseudonym only (decision 0031). */
export interface CasesTable {
  id: Generated<string>;
  helpline_id: string;
  user_group: string;
  pseudonym: string;
  owner_id: string;
  status: Generated<string>;
  close_reason: string | null;
  close_outcome: string | null;
  time_limit: DateOnly | null;
  opened_at: Timestamp;
  closed_at: Date | null;
  created_by: string;
  updated_at: Timestamp;
  version: Generated<number>;
  /** When what could identify the person was removed (on request, or by the service's retention). */
  anonymised_at: Date | null;
  anon_birth_year: number | null;
  anon_gender: string | null;
}
export type CaseRow = Selectable<CasesTable>;

export interface CaseContactsTable {
  case_id: string;
  contact_id: string;
  linked_by: string;
  linked_at: Generated<Date>;
}

/** Consent (samtykkeskjema): form, date, the agency types it covers; withdrawn ones are kept. */
export interface CaseConsentsTable {
  id: Generated<string>;
  case_id: string;
  form: string;
  given_on: DateOnly;
  covers: string[];
  recorded_by: string;
  recorded_at: Generated<Date>;
  withdrawn_on: DateOnly | null;
  withdrawn_by: string | null;
  withdrawn_at: Date | null;
}

/** The person a case follows up, only while consent is in force; name and reach encrypted. */
export interface CasePersonsTable {
  case_id: string;
  name_encrypted: string | null;
  birth_year: number | null;
  gender: string | null;
  languages: string[];
  reach_encrypted: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

/** Sperret adresse (kode 6/7) and the mail agreement, only while consent is in force; address and contact encrypted. */
export interface CaseProtectionsTable {
  case_id: string;
  level: string;
  address_encrypted: string | null;
  contact_encrypted: string | null;
  mail_agreement_on: DateOnly | null;
  mail_initiated_by: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

/** One item of mail received under a mail agreement: when, from whom, collected or forwarded. */
export interface CaseMailItemsTable {
  id: Generated<string>;
  case_id: string;
  received_on: DateOnly;
  sender: string | null;
  handled: Generated<string>;
  handled_on: DateOnly | null;
  recorded_by: string;
  created_at: Generated<Date>;
  version: Generated<number>;
}

/** A task with a due date on a case; kind 'time_limit' is the job runner's reminder of a time limit. */
export interface CaseTasksTable {
  id: Generated<string>;
  case_id: string;
  kind: Generated<string>;
  title: string | null;
  due_on: DateOnly;
  done_at: Date | null;
  done_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

/** A referral to an agency while the case goes on; the outcome is recorded later. */
export interface CaseReferralsTable {
  id: Generated<string>;
  case_id: string;
  agency_type: string;
  agency_name: string | null;
  reason: string | null;
  referred_on: DateOnly;
  accompanied: Generated<boolean>;
  override_reason: string | null;
  outcome: string | null;
  outcome_on: DateOnly | null;
  /** The directory service referred to, when chosen from the directory. */
  directory_service_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** One follow-up activity (seed 002's categories), by whom and when. */
export interface CaseActivitiesTable {
  id: Generated<string>;
  case_id: string;
  category: string;
  happened_on: DateOnly;
  duration_minutes: number | null;
  meeting_role: string | null;
  note: string | null;
  created_by: string;
  created_at: Generated<Date>;
}
