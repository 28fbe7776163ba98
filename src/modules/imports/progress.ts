import type { Db } from '../../db/connection.js';

/**
 * Progress of the imports running, for the import page to poll. The job runs on the node its
 * request reached, which counts it in memory and writes it to `import_jobs` at most twice a
 * second and at each change of phase; a poll is answered from that table, so whichever node it
 * reaches (two nodes behind one address) gives the same answer. Nothing personal: counts, a
 * phase and the owner's id. A finished job is kept ten minutes so the last figures can be read.
 */
export interface JobProgress {
  ownerId: string;
  phase: 'checking' | 'publishing' | 'done' | 'failed';
  checked: number;
  loaded: number;
}

const KEEP_MS = 10 * 60_000;
/** The shortest time between two writes of a job's counts (a change of phase is written at once). */
const SAVE_EVERY_MS = 500;

export interface TrackedJob {
  progress: JobProgress;
  /** The counts changed: written if the last write is old enough. Never throws. */
  counted: () => void;
  /** The phase changed: written now (after any write under way). Never throws. */
  phase: (phase: JobProgress['phase']) => Promise<void>;
}

export async function startJob(db: Db, jobId: string | undefined, ownerId: string): Promise<TrackedJob> {
  const progress: JobProgress = { ownerId, phase: 'checking', checked: 0, loaded: 0 };
  if (!jobId) return { progress, counted: () => undefined, phase: async (p) => { progress.phase = p; } };

  let lastSaved = 0;
  let writing: Promise<void> = Promise.resolve();
  let queued = false;
  // One write at a time, each with the figures of the moment it runs: never an older figure last.
  const save = () => {
    queued = true;
    writing = writing.then(async () => {
      if (!queued) return;
      queued = false;
      lastSaved = Date.now();
      await saveJob(db, jobId, progress);
    }).catch(() => undefined); // a figure that could not be written is shown by this node only
    return writing;
  };
  await forgetOldJobs(db).catch(() => undefined);
  await save();
  return {
    progress,
    counted: () => {
      if (!queued && Date.now() - lastSaved >= SAVE_EVERY_MS) void save();
    },
    phase: (phase) => {
      progress.phase = phase;
      return save();
    },
  };
}

async function saveJob(db: Db, jobId: string, p: JobProgress): Promise<void> {
  await db.insertInto('import_jobs')
    .values({ job_id: jobId, owner_id: p.ownerId, phase: p.phase, checked: p.checked, loaded: p.loaded })
    // Another user's job id is theirs: only the owner's row is updated.
    .onConflict((oc) => oc.column('job_id').doUpdateSet({ phase: p.phase, checked: p.checked, loaded: p.loaded, updated_at: new Date() })
      .where('import_jobs.owner_id', '=', p.ownerId))
    .execute();
}

/** Jobs whose last change is more than ten minutes old (also run by the hourly retention job). */
export async function forgetOldJobs(db: Db, now = new Date()): Promise<void> {
  await db.deleteFrom('import_jobs').where('updated_at', '<', new Date(now.getTime() - KEEP_MS)).execute();
}

/** A job's progress as last written, only for the user who started it, and for ten minutes after its last change. */
export async function jobProgress(db: Db, jobId: string, ownerId: string): Promise<Pick<JobProgress, 'phase' | 'checked' | 'loaded'> | undefined> {
  return db.selectFrom('import_jobs').select(['phase', 'checked', 'loaded'])
    .where('job_id', '=', jobId).where('owner_id', '=', ownerId)
    .where('updated_at', '>=', new Date(Date.now() - KEEP_MS))
    .executeTakeFirst();
}
