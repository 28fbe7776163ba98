import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, request } from '../../shared/http.js';

/** Which users sign in with a second factor, and the administrator's reset (audited on the server). */
const key = ['users', 'second-factors'] as const;

export function useUsersWithSecondFactor() {
  return useQuery({ queryKey: key, queryFn: () => http.get<{ userIds: string[] }>('/api/users/second-factors') });
}

export function useResetSecondFactor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => request<void>(`/api/users/${encodeURIComponent(userId)}/second-factor`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}
