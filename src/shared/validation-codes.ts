/**
 * Our stable error code for a zod issue code, shared by the API's error handler and the import's
 * row checks so both say the same thing about the same mistake. A missing value is `required`.
 */
export function errorCodeOf(zodCode: string, valueMissing: boolean, message?: string): string {
  if (zodCode === 'unrecognized_keys') return 'unknown_field';
  // Our own refinements carry their code as the message (see CUSTOM_CODES).
  if (zodCode === 'custom' && message && (CUSTOM_CODES as readonly string[]).includes(message)) return message;
  if (valueMissing) return 'required';
  return ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value'].includes(zodCode) ? zodCode : 'invalid_value';
}

/** Codes of our own zod refinements (`refine(…, { message: code })`), each with a server message. */
export const CUSTOM_CODES = ['invalid_characters', 'date_out_of_range', 'unknown_country'] as const;
