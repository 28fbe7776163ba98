/** The one application error: an HTTP status, a stable code, and optionally the field at fault. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
    /** Extra machine-readable detail (e.g. the row errors of a rejected import). */
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const invalidField = (field: string, code = 'invalid_value', params: Record<string, string | number> = {}) =>
  new AppError(400, code, field, params);
