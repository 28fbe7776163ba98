import { z } from 'zod';
import { IMPORT_FORMATS } from './columns.js';

const HelplineId = z.string().min(2).max(60);

export const ImportQuery = z.object({
  helplineId: HelplineId,
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string().trim().min(1).max(255).default('import'),
  /** Import a file again that was imported before (the page asks first). */
  confirmDuplicate: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Chosen by the page to follow the import's progress at /api/imports/jobs/{jobId}. */
  jobId: z.uuid().optional(),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const ImportResponse = z.object({
  imported: z.number().int(),
  batchId: z.string(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

export const TemplateQuery = z.object({
  format: z.enum(IMPORT_FORMATS).default('csv'),
  helplineId: HelplineId.default('rode-kors-telefonen'),
});

export const JobParams = z.object({ jobId: z.uuid() });

export const JobResponse = z.object({
  phase: z.enum(['checking', 'publishing', 'done', 'failed']),
  checked: z.number().int(),
  loaded: z.number().int(),
});

export const BatchListQuery = z.object({ helplineId: HelplineId.optional() });

export const ImportBatch = z.object({
  id: z.string(),
  helplineId: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  state: z.enum(['published', 'undoing', 'undone']),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  sha256: z.string().nullable(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const BatchParams = z.object({ batchId: z.uuid() });

/** A file download (CSV or XLSX); the bytes are sent as they are, never serialized. */
export const FileResponse = z.unknown().describe('The file, as an attachment');
