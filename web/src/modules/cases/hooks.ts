import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { changeCaseStatus, createReferral, logActivity, fetchCase, listCases, openCase, recordConsent, recordReferralOutcome, savePerson, withdrawConsent, saveProtection, endProtection, recordMailItem, recordMailHandled, anonymiseCase, addTask, setTaskDone, type CaseListFilter, type CaseOpenInput, type CaseResponse, type CaseStatusInput } from './api.js';

/** Pages of the caseload, each continuing where the last ended (a key, not an offset). */
export function useCaseList(filter: CaseListFilter) {
  return useInfiniteQuery({
    queryKey: ['cases', 'list', filter],
    queryFn: ({ pageParam }) => listCases(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: ['cases', id], queryFn: () => fetchCase(id) });
}

export function useOpenCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseOpenInput) => openCase(body),
    onSuccess: (saved) => {
      qc.setQueryData(['cases', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

export function useChangeCaseStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseStatusInput) => changeCaseStatus(id, body),
    onSuccess: (saved) => {
      qc.setQueryData(['cases', id], saved);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

/** A change to one case whose answer is the case as it now is (consent, person). */
export function useCaseChange<T>(id: string, fn: (id: string, body: T) => Promise<CaseResponse>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => fn(id, body),
    onSuccess: (saved) => qc.setQueryData(['cases', id], saved),
  });
}

export const useRecordConsent = (id: string) => useCaseChange(id, recordConsent);
export const useWithdrawConsent = (id: string) => useCaseChange(id, withdrawConsent);
export const useSavePerson = (id: string) => useCaseChange(id, savePerson);
export const useCreateReferral = (id: string) => useCaseChange(id, createReferral);
export const useReferralOutcome = (id: string) => useCaseChange(id, recordReferralOutcome);
export const useLogActivity = (id: string) => useCaseChange(id, logActivity);
export const useSaveProtection = (id: string) => useCaseChange(id, saveProtection);
export const useEndProtection = (id: string) => useCaseChange(id, (caseId: string, _: void) => endProtection(caseId));
export const useRecordMailItem = (id: string) => useCaseChange(id, recordMailItem);
export const useRecordMailHandled = (id: string) => useCaseChange(id, recordMailHandled);
export const useAnonymiseCase = (id: string) => useCaseChange(id, anonymiseCase);
export const useAddTask = (id: string) => useCaseChange(id, addTask);
export const useSetTaskDone = (id: string) => useCaseChange(id, setTaskDone);
