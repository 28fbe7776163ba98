import {
  COUNTRY_NOT_ASKED,
  LIMITS,
  type Channel,
  type ContactKind,
  type Outcome,
} from '../../../../src/shared/enums.js';
import type { ContactInput, ContactResponse } from './api.js';

/** What the form holds: strings as the inputs give them, converted to ContactInput on submit. */
export interface ContactFormValues {
  helplineId: string;
  channel: Channel;
  kind: ContactKind;
  /** datetime-local value in the browser's time zone: YYYY-MM-DDTHH:mm */
  startedAt: string;
  durationMinutes: string;
  whoId: string;
  ageGroupId: string;
  age: string;
  genderId: string;
  country: string;
  bodyTypeId: string;
  themes: { themeId: number; subthemeIds: number[] }[];
  summary: string;
  outcomes: Outcome[];
  referredToId: string;
}

export type FieldErrors = Partial<Record<keyof ContactFormValues, string>>;

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as a datetime-local value in local time. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function emptyValues(helplineId: string, channel: Channel): ContactFormValues {
  return {
    helplineId,
    channel,
    kind: 'first_contact',
    startedAt: toLocalInput(new Date()),
    durationMinutes: '',
    whoId: '',
    ageGroupId: '',
    age: '',
    genderId: '',
    country: COUNTRY_NOT_ASKED,
    bodyTypeId: '',
    themes: [],
    summary: '',
    outcomes: [],
    referredToId: '',
  };
}

const str = (n: number | null) => (n === null ? '' : String(n));

export function valuesFromContact(c: ContactResponse): ContactFormValues {
  return {
    helplineId: c.helplineId,
    channel: c.channel,
    kind: c.kind,
    startedAt: toLocalInput(new Date(c.startedAt)),
    durationMinutes: str(c.durationMinutes),
    whoId: str(c.whoId),
    ageGroupId: str(c.ageGroupId),
    age: str(c.age),
    genderId: str(c.genderId),
    country: c.country,
    bodyTypeId: str(c.bodyTypeId),
    themes: c.themes.map((th) => ({ themeId: th.themeId, subthemeIds: [...th.subthemeIds] })),
    summary: c.summary ?? '',
    outcomes: [...c.outcomes],
    referredToId: str(c.referredToId),
  };
}

const id = (s: string) => (s === '' ? null : Number(s));
const int = (s: string) => (s.trim() === '' ? null : Number(s.trim()));

function isIntIn(s: string, min: number, max: number): boolean {
  if (s.trim() === '') return true;
  const n = Number(s.trim());
  return Number.isInteger(n) && n >= min && n <= max;
}

/** Checks what the browser can check; the server checks everything again. Messages are i18n keys. */
export function validate(v: ContactFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.startedAt || Number.isNaN(new Date(v.startedAt).getTime())) errors.startedAt = 'contactForm.errors.startedAt';
  if (!isIntIn(v.durationMinutes, 0, LIMITS.durationMaxMinutes)) errors.durationMinutes = 'contactForm.errors.duration';
  if (!isIntIn(v.age, 0, 120)) errors.age = 'contactForm.errors.age';
  if (v.summary.length > LIMITS.summaryMax) errors.summary = 'contactForm.errors.summary';
  return errors;
}

export function toInput(v: ContactFormValues): ContactInput {
  const referred = v.outcomes.includes('referred');
  return {
    helplineId: v.helplineId,
    channel: v.channel,
    kind: v.kind,
    startedAt: new Date(v.startedAt).toISOString(),
    durationMinutes: int(v.durationMinutes),
    whoId: id(v.whoId),
    ageGroupId: id(v.ageGroupId),
    age: int(v.age),
    genderId: id(v.genderId),
    country: v.country as ContactInput['country'],
    bodyTypeId: v.kind === 'knowledge_request' ? id(v.bodyTypeId) : null,
    themes: v.themes,
    summary: v.summary.trim() === '' ? null : v.summary,
    outcomes: v.outcomes,
    referredToId: referred ? id(v.referredToId) : null,
  };
}
