import type {
  ContactInput,
  ContactUpdateBody,
  ContactResponse,
  ContactListItem,
} from '../../../../src/shared/schemas/contacts.js';
import { apiUrl, http } from '../../shared/http.js';

export type { ContactInput, ContactUpdateBody, ContactResponse, ContactListItem };

export interface ContactRevision {
  version: number;
  changedAt: string;
  changedBy: string | null;
  before: Record<string, unknown>;
}

const path = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;

export const createContact = (body: ContactInput) => http.post<ContactResponse>('/api/contacts', body);
export const updateContact = (id: string, body: ContactUpdateBody) => http.put<ContactResponse>(path(id), body);
export const fetchContact = (id: string) => http.get<ContactResponse>(path(id));
export const fetchHistory = (id: string) => http.get<ContactRevision[]>(`${path(id)}/history`);

export const listMyContacts = (helplineId: string | undefined, limit = 50) =>
  http.get<{ items: ContactListItem[] }>('/api/contacts', { helplineId, mine: 'true', limit });

export const exportUrl = (helplineId: string, year: number, format: 'csv' | 'xlsx') =>
  apiUrl('/api/contacts/export', { helplineId, year, format });
