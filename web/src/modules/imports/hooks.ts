import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchJob, listBatches, undoBatch, uploadImport, type ImportFormat, type ImportJob } from './api.js';

interface Vars {
  helplineId: string;
  file: File;
  format: ImportFormat;
  confirmDuplicate?: boolean;
}

const POLL_MS = 700;

/**
 * The upload with its progress: a fraction 0…1 while the file is sent, null while the server
 * works, undefined when idle; and, for long files, the rows checked and loaded so far (polled).
 */
export function useImport() {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [jobId, setJobId] = useState<string>();
  const [job, setJob] = useState<ImportJob>();
  const mutation = useMutation({
    mutationFn: ({ helplineId, file, format, confirmDuplicate }: Vars) => {
      const id = crypto.randomUUID();
      setJobId(id);
      setJob(undefined);
      setProgress(0);
      return uploadImport(helplineId, file, format, setProgress, { jobId: id, confirmDuplicate });
    },
    onSettled: () => {
      setProgress(undefined);
      setJobId(undefined);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stats'] });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
      void qc.invalidateQueries({ queryKey: ['imports', 'batches'] });
    },
  });
  // While the server works on the file, ask it now and then how far it got.
  useEffect(() => {
    if (!jobId || progress !== null) return;
    let stopped = false;
    const poll = () =>
      fetchJob(jobId)
        .then((j) => { if (!stopped) setJob(j); })
        .catch(() => undefined);
    const timer = setInterval(poll, POLL_MS);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, progress]);
  return { ...mutation, progress, job: progress === null ? job : undefined };
}

export function useBatches(helplineId: string | undefined) {
  return useQuery({ queryKey: ['imports', 'batches', helplineId], queryFn: () => listBatches(helplineId!), enabled: !!helplineId });
}

export function useUndoBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: undoBatch,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['imports', 'batches'] });
      void qc.invalidateQueries({ queryKey: ['stats'] });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}
