import type {
  ContactInput,
  ContactUpdateBody,
  ContactResponse,
  ContactListItem,
  ContactListQuery,
  ContactListResponse,
  ContactRevision,
} from '../../../../src/shared/schemas/contacts.js';
import { apiUrl, http } from '../../shared/http.js';

export type { ContactInput, ContactUpdateBody, ContactResponse, ContactListItem, ContactListResponse, ContactRevision };

const path = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;

export const createContact = (body: ContactInput) => http.post<ContactResponse>('/api/contacts', body);
export const updateContact = (id: string, body: ContactUpdateBody) => http.put<ContactResponse>(path(id), body);
export const fetchContact = (id: string) => http.get<ContactResponse>(path(id));
export const fetchHistory = (id: string) => http.get<ContactRevision[]>(`${path(id)}/history`);

/** The list's filters, as the page keeps them in its address (all optional). */
export type ContactListFilter = Partial<Pick<ContactListQuery, 'helplineId' | 'from' | 'to' | 'channel' | 'kind' | 'counsellorId' | 'q'>> & { themeId?: string };

export const listContacts = (filter: ContactListFilter, cursor?: string, limit = 50) =>
  http.get<ContactListResponse>('/api/contacts', { ...filter, cursor, limit });

export const fetchAuthors = (helplineId: string) => http.get<{ id: string; displayName: string }[]>('/api/contacts/authors', { helplineId });

export const exportUrl = (helplineId: string, year: number, format: 'csv' | 'xlsx') =>
  apiUrl('/api/contacts/export', { helplineId, year, format });
