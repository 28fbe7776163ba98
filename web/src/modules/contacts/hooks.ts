import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContact,
  fetchAuthors,
  fetchContact,
  fetchHistory,
  listContacts,
  type ContactListFilter,
  updateContact,
  type ContactInput,
  type ContactUpdateBody,
} from './api.js';

/** Pages of the list, each continuing where the last ended (a key, not an offset). */
export function useContactList(filter: ContactListFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['contacts', 'list', filter],
    queryFn: ({ pageParam }) => listContacts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** Whom the list can be filtered by (a coordinator's colleagues on the helpline). */
export function useAuthors(helplineId: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: ['contacts', 'authors', helplineId], queryFn: () => fetchAuthors(helplineId!), enabled: enabled && !!helplineId, staleTime: 60_000 });
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
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['contacts', 'list'] }),
  });
}

export function useUpdateContact(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactUpdateBody) => updateContact(id, body),
    onSuccess: (saved) => {
      qc.setQueryData(['contacts', id], saved);
      void qc.invalidateQueries({ queryKey: ['contacts', id, 'history'] });
      void qc.invalidateQueries({ queryKey: ['contacts', 'list'] });
    },
  });
}
