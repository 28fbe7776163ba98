import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addPasskey, fetchPasskeys, removePasskey } from './api.js';

const passkeysKey = ['auth', 'passkeys'] as const;

export function usePasskeys() {
  return useQuery({ queryKey: passkeysKey, queryFn: fetchPasskeys });
}

export function useAddPasskey() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: addPasskey, onSuccess: () => qc.invalidateQueries({ queryKey: passkeysKey }) });
}

export function useRemovePasskey() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: removePasskey, onSuccess: () => qc.invalidateQueries({ queryKey: passkeysKey }) });
}
