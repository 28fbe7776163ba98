import { isApiError } from './http.js';

/**
 * The API names the offending field (`field`), e.g. `durationMinutes` or `themes.0.subthemeIds`.
 * Returns the message keyed by the top-level input name, or {} when no field is named.
 */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  if (!isApiError(err) || !err.field) return {};
  const name = err.field.split(/[.[]/)[0] ?? err.field;
  return { [name]: err.message };
}
