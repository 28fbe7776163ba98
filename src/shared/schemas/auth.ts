import { z } from 'zod';
import { LIMITS, LOCALES, ROLES } from '../enums.js';
import { ACTIONS } from '../../modules/auth/policy.js';

export const LoginBody = z.strictObject({
  email: z.string().trim().min(3).max(LIMITS.emailMax),
  password: z.string().min(1).max(LIMITS.passwordMax),
});

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  helplineIds: z.array(z.string()),
  abilities: z.array(z.enum(ACTIONS)),
});
export type Me = z.infer<typeof Me>;

export const SetupBody = z.strictObject({
  token: z.string().min(10).max(200),
  email: z.email().max(LIMITS.emailMax),
  displayName: z.string().trim().min(1).max(120),
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
});

export const UserCreateBody = z.strictObject({
  email: z.email().max(LIMITS.emailMax),
  displayName: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES).default('nb'),
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
  helplineIds: z.array(z.string().min(2).max(60)).max(50).default([]),
});

export const UserResponse = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  helplineIds: z.array(z.string()),
  disabled: z.boolean(),
});

export const LocaleBody = z.strictObject({ locale: z.enum(LOCALES) });
