import { z } from 'zod';
import { IMPORT_FORMATS } from './columns.js';

const HelplineId = z.string().min(2).max(60);

export const ImportQuery = z.object({
  helplineId: HelplineId,
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string().trim().min(1).max(255).default('import'),
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

/** A file download (CSV or XLSX); the bytes are sent as they are, never serialized. */
export const FileResponse = z.unknown().describe('The file, as an attachment');
