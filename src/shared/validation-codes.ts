/**
 * Our stable error code for a zod issue code, shared by the API's error handler and the import's
 * row checks so both say the same thing about the same mistake. A missing value is `required`.
 */
export function errorCodeOf(zodCode: string, valueMissing: boolean): string {
  if (zodCode === 'unrecognized_keys') return 'unknown_field';
  if (valueMissing) return 'required';
  return ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value'].includes(zodCode) ? zodCode : 'invalid_value';
}
