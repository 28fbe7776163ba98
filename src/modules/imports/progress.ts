/**
 * Progress of the imports and undos running on this node, for the import page to poll. Kept in
 * memory: a job lives as long as its request, and a finished one is kept a few minutes so the
 * last figures can be read. Nothing personal: counts and the owner's id only.
 */
export interface JobProgress {
  ownerId: string;
  phase: 'checking' | 'publishing' | 'done' | 'failed';
  checked: number;
  loaded: number;
  startedAt: number;
}

const KEEP_MS = 10 * 60_000;
const jobs = new Map<string, JobProgress>();

export function startJob(jobId: string | undefined, ownerId: string): JobProgress {
  const job: JobProgress = { ownerId, phase: 'checking', checked: 0, loaded: 0, startedAt: Date.now() };
  if (jobId) {
    for (const [id, j] of jobs) if (Date.now() - j.startedAt > KEEP_MS) jobs.delete(id);
    jobs.set(jobId, job);
  }
  return job;
}

/** A job's progress, only for the user who started it. */
export function jobProgress(jobId: string, ownerId: string): JobProgress | undefined {
  const job = jobs.get(jobId);
  return job && job.ownerId === ownerId ? job : undefined;
}
