import type { z } from 'zod';
import type { Me, LoginBody, SetupBody } from '../../../../src/shared/schemas/auth.js';
import type { Locale } from '../../../../src/shared/enums.js';
import { http, isApiError } from '../../shared/http.js';
import type { LoginResult } from './second-factor-api.js';

export type { Me };
export type LoginInput = z.input<typeof LoginBody>;
export type SetupInput = z.input<typeof SetupBody>;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await http.get<Me>('/api/auth/me');
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export const login = (body: LoginInput) => http.post<LoginResult>('/api/auth/login', body);
export const logout = () => http.post<void>('/api/auth/logout');
export const setup = (body: SetupInput) => http.post<Me>('/api/setup', body);
export const saveLocale = (locale: Locale) => http.put<void>('/api/auth/me/locale', { locale });
