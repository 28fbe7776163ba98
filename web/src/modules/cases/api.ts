import type { CaseListQuery, CaseListResponse, CaseOpenBody, CaseResponse, CaseStatusBody, AnonymiseBody, DueTask, TaskBody, TaskDoneBody, MailHandledBody, MailItemBody, ProtectionBody, RevealedProtection } from '../../../../src/shared/schemas/cases.js';
import { http } from '../../shared/http.js';

export type { CaseListResponse, CaseResponse };
/** What the open form sends (the server fills in the defaults). */
export type CaseOpenInput = Omit<Partial<CaseOpenBody>, 'helplineId' | 'userGroup' | 'pseudonym'> & Pick<CaseOpenBody, 'helplineId' | 'userGroup' | 'pseudonym'>;
export type CaseStatusInput = Pick<CaseStatusBody, 'status' | 'version'> & Partial<Pick<CaseStatusBody, 'closeReason' | 'closeOutcome'>>;
/** The list's filters, as the page keeps them in its address (all optional). */
export type CaseListFilter = Partial<Pick<CaseListQuery, 'scope' | 'status' | 'userGroup' | 'due'>>;

const path = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export const openCase = (body: CaseOpenInput) => http.post<CaseResponse>('/api/cases', body);
export const fetchCase = (id: string) => http.get<CaseResponse>(path(id));
export const changeCaseStatus = (id: string, body: CaseStatusInput) => http.post<CaseResponse>(`${path(id)}/status`, body);
export const listCases = (filter: CaseListFilter, cursor?: string, limit = 25) => http.get<CaseListResponse>('/api/cases', { ...filter, cursor, limit });

export type ConsentInput = { form: 'signed' | 'verbal'; givenOn: string; covers: string[] };
export type PersonInput = { name: string | null; birthYear: number | null; gender: string | null; languages: string[]; reach: string | null };

export const recordConsent = (id: string, body: ConsentInput) => http.put<CaseResponse>(`${path(id)}/consent`, body);
export const withdrawConsent = (id: string, withdrawnOn: string) => http.post<CaseResponse>(`${path(id)}/consent/withdraw`, { withdrawnOn });
export const savePerson = (id: string, body: PersonInput) => http.put<CaseResponse>(`${path(id)}/person`, body);

export type ReferralInput = { agencyType: string; agencyName: string | null; reason: string; referredOn: string; accompanied: boolean; overrideReason: string | null; directoryServiceId: string | null };
export const createReferral = (id: string, body: ReferralInput) => http.post<CaseResponse>(`${path(id)}/referrals`, body);
export const recordReferralOutcome = (id: string, body: { referralId: string; outcome: string; outcomeOn: string; version: number }) =>
  http.put<CaseResponse>(`${path(id)}/referrals/${encodeURIComponent(body.referralId)}/outcome`, { outcome: body.outcome, outcomeOn: body.outcomeOn, version: body.version });

export type ActivityInput = { category: string; happenedOn: string; durationMinutes: number | null; meetingRole: string | null; note: string | null };
export const logActivity = (id: string, body: ActivityInput) => http.post<CaseResponse>(`${path(id)}/activities`, body);

export type CaseAccessEntry = { at: string; actorName: string | null; action: string };
export const fetchAccessLog = (id: string) => http.get<CaseAccessEntry[]>(`${path(id)}/access-log`);

/** Sperret adresse: the address fields left out keep what is stored (the page never has it to send back). */
export type ProtectionInput = ProtectionBody;
export const saveProtection = (id: string, body: ProtectionInput) => http.put<CaseResponse>(`${path(id)}/protection`, body);
export const endProtection = (id: string) => http.delete<CaseResponse>(`${path(id)}/protection`);
export const revealProtection = (id: string, reason: string) => http.post<RevealedProtection>(`${path(id)}/protection/reveal`, { reason });
export type { RevealedProtection };

export const recordMailItem = (id: string, body: MailItemBody) => http.post<CaseResponse>(`${path(id)}/mail`, body);
export const recordMailHandled = (id: string, body: MailHandledBody & { itemId: string }) =>
  http.put<CaseResponse>(`${path(id)}/mail/${encodeURIComponent(body.itemId)}`, { handled: body.handled, handledOn: body.handledOn, version: body.version });

/** The access-request export: a page to print, or a file (a plain link: the browser downloads it). */
export const exportUrl = (id: string, format: 'html' | 'json') => `${path(id)}/export.${format}`;
export const anonymiseCase = (id: string, body: AnonymiseBody) => http.post<CaseResponse>(`${path(id)}/anonymise`, body);

export const addTask = (id: string, body: TaskBody) => http.post<CaseResponse>(`${path(id)}/tasks`, body);
export const setTaskDone = (id: string, body: TaskDoneBody & { taskId: string }) =>
  http.put<CaseResponse>(`${path(id)}/tasks/${encodeURIComponent(body.taskId)}`, { done: body.done, version: body.version });
export const fetchDueTasks = (scope: 'mine' | 'service') => http.get<DueTask[]>('/api/cases/tasks', { scope });

export const fetchColleagues = (id: string) => http.get<{ id: string; displayName: string }[]>(`${path(id)}/colleagues`);
export const handOver = (id: string, body: { ownerId: string; version: number }) => http.post<null>(`${path(id)}/owner`, body);
