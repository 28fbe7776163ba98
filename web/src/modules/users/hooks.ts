import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createPasswordResetLink, createUser, deactivateUser, listUsers, reactivateUser, resetPassword, updateUser, type UserUpdateInput } from './api.js';

export const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: listUsers });
}

/** A change to users that refreshes the list when done. */
function useUsersMutation<V, R>(mutationFn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void qc.invalidateQueries({ queryKey: usersKey }) });
}

export const useCreateUser = () => useUsersMutation(createUser);
export const useUpdateUser = () => useUsersMutation(({ id, ...body }: UserUpdateInput & { id: string }) => updateUser(id, body));
export const useSetActive = () => useUsersMutation(({ id, active }: { id: string; active: boolean }) => (active ? reactivateUser(id) : deactivateUser(id)));
export const usePasswordResetLink = () => useMutation({ mutationFn: createPasswordResetLink });
export const useResetPassword = () => useMutation({ mutationFn: resetPassword });
