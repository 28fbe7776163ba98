import type { z } from 'zod';
import type { UserCreateBody, UserResponse } from '../../../../src/shared/schemas/auth.js';
import type { PasswordResetBody, PasswordResetLinkResponse, UserListItem, UserUpdateBody } from '../../../../src/shared/schemas/users.js';
import { http } from '../../shared/http.js';

export type UserCreateInput = z.input<typeof UserCreateBody>;
export type User = z.infer<typeof UserListItem>;
export type CreatedUser = z.infer<typeof UserResponse>;
export type UserUpdateInput = z.input<typeof UserUpdateBody>;
export type PasswordResetLink = z.infer<typeof PasswordResetLinkResponse>;
export type PasswordResetInput = z.input<typeof PasswordResetBody>;

export const listUsers = () => http.get<User[]>('/api/users');
export const createUser = (body: UserCreateInput) => http.post<CreatedUser>('/api/users', body);
export const updateUser = (id: string, body: UserUpdateInput) => http.patch<void>(`/api/users/${id}`, body);
export const deactivateUser = (id: string) => http.post<void>(`/api/users/${id}/deactivate`);
export const reactivateUser = (id: string) => http.post<void>(`/api/users/${id}/reactivate`);
export const createPasswordResetLink = (id: string) => http.post<PasswordResetLink>(`/api/users/${id}/password-reset-link`);
export const resetPassword = (body: PasswordResetInput) => http.post<void>('/api/password-reset', body);
