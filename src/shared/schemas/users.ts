import { z } from 'zod';
import { ROLES } from '../enums.js';
import { UserCreateBody, UserResponse } from './auth.js';

/** One row of the administrators' user list. */
export const UserListItem = UserResponse.extend({
  /** When the user last signed in (ISO 8601), or null if never. */
  lastLoginAt: z.string().nullable(),
});
export type UserListItem = z.infer<typeof UserListItem>;

export const UserIdParams = z.object({ id: z.uuid() });

/** Change a user's role and/or helplines; at least one of them. */
export const UserUpdateBody = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    helplineIds: UserCreateBody.shape.helplineIds.unwrap().optional(),
  })
  .refine((b) => b.role !== undefined || b.helplineIds !== undefined, { message: 'role or helplineIds', path: ['role'] });
export type UserUpdateBody = z.infer<typeof UserUpdateBody>;

export const PasswordResetLinkResponse = z.object({
  url: z.string(),
  /** ISO 8601: the link works until then, once. */
  expiresAt: z.string(),
});

/** Setting a new password from a reset link: the same password rules as when a user is created. */
export const PasswordResetBody = z.strictObject({
  token: z.string().min(10).max(200),
  password: UserCreateBody.shape.password,
});
