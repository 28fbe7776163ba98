import type { z } from 'zod';
import type { UserCreateBody, UserResponse } from '../../../../src/shared/schemas/auth.js';
import { http } from '../../shared/http.js';

export type UserCreateInput = z.input<typeof UserCreateBody>;
export type User = z.infer<typeof UserResponse>;

export const listUsers = () => http.get<User[]>('/api/users');
export const createUser = (body: UserCreateInput) => http.post<User>('/api/users', body);
