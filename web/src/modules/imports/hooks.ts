import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { uploadImport, type ImportFormat } from './api.js';

interface Vars {
  helplineId: string;
  file: File;
  format: ImportFormat;
}

/** The upload with its progress: a fraction 0…1, null while the server works, undefined when idle. */
export function useImport() {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const mutation = useMutation({
    mutationFn: ({ helplineId, file, format }: Vars) => {
      setProgress(0);
      return uploadImport(helplineId, file, format, setProgress);
    },
    onSettled: () => setProgress(undefined),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stats'] });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
  return { ...mutation, progress };
}
