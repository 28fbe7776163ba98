import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContact,
  fetchContact,
  fetchHistory,
  listMyContacts,
  updateContact,
  type ContactInput,
  type ContactUpdateBody,
} from './api.js';

export function useMyContacts(helplineId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['contacts', 'mine', helplineId ?? 'all'],
    queryFn: () => listMyContacts(helplineId),
    enabled,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: ['contacts', id], queryFn: () => fetchContact(id) });
}

export function useContactHistory(id: string) {
  return useQuery({ queryKey: ['contacts', id, 'history'], queryFn: () => fetchHistory(id) });
}

export function useCreateContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactInput) => createContact(body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['contacts', 'mine'] }),
  });
}

export function useUpdateContact(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactUpdateBody) => updateContact(id, body),
    onSuccess: (saved) => {
      qc.setQueryData(['contacts', id], saved);
      void qc.invalidateQueries({ queryKey: ['contacts', id, 'history'] });
      void qc.invalidateQueries({ queryKey: ['contacts', 'mine'] });
    },
  });
}
