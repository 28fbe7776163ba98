import { ApiError, apiUrl, http, type ApiErrorBody } from '../../shared/http.js';

export type ImportFormat = 'csv' | 'xlsx';

export interface ImportRowError {
  row: number;
  field: string;
  reason: string;
}

export const CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function formatOf(file: File): ImportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** The template of the chosen helpline: its own codes and an example row in its language. */
export const templateUrl = (format: ImportFormat, helplineId: string) => apiUrl('/api/imports/template', { format, helplineId });

export interface ImportJob {
  phase: 'checking' | 'publishing' | 'done' | 'failed';
  checked: number;
  loaded: number;
}

export interface ImportBatch {
  id: string;
  helplineId: string;
  fileName: string;
  rows: number;
  state: 'published' | 'undoing' | 'undone';
  importedAt: string;
  importedBy: string | null;
  sha256: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
}

export const fetchJob = (jobId: string) => http.get<ImportJob>(`/api/imports/jobs/${jobId}`);
export const listBatches = (helplineId: string) => http.get<ImportBatch[]>('/api/imports/batches', { helplineId });
export const undoBatch = (batchId: string) => http.post<ImportBatch>(`/api/imports/batches/${batchId}/undo`);

/** The earlier import of the same file, from a refused upload (409 import_duplicate). */
export function duplicateOf(err: unknown): { message: string } | null {
  return err instanceof ApiError && err.code === 'import_duplicate' ? { message: err.message } : null;
}

/** Row errors from a refused import (400 import_invalid). */
export function rowErrorsOf(err: unknown): ImportRowError[] {
  if (!(err instanceof ApiError) || err.code !== 'import_invalid') return [];
  const details = err.details as { errors?: ImportRowError[] } | undefined;
  return Array.isArray(details?.errors) ? details.errors : [];
}

/**
 * Uploads the raw file. XMLHttpRequest rather than fetch, because only it reports upload
 * progress; `onProgress` gets 0…1, then null while the server checks and stores the rows.
 */
export function uploadImport(
  helplineId: string,
  file: File,
  format: ImportFormat,
  onProgress: (fraction: number | null) => void,
  opts: { jobId?: string; confirmDuplicate?: boolean } = {},
): Promise<{ imported: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/api/imports', { helplineId, format, fileName: file.name, jobId: opts.jobId, confirmDuplicate: opts.confirmDuplicate ? 'true' : undefined }));
    xhr.setRequestHeader('Content-Type', CONTENT_TYPES[format]);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : null);
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new ApiError(0, { code: 'network' }));
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as { imported: number });
      else reject(new ApiError(xhr.status, (body as ApiErrorBody | undefined) ?? {}));
    };
    xhr.send(file);
  });
}
