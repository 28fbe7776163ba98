import { z } from 'zod';
import { Me } from './auth.js';

/** Answer to a right password when a second step is needed: no session yet. */
export const SecondStepResponse = z.object({
  step: z.enum(['verify', 'enrol']),
  /** How long the second step may take before the password is asked again. */
  expiresInSeconds: z.number().int(),
  /** Present (true) when the user may answer with a passkey instead of a code (decision 0020). */
  passkey: z.literal(true).optional(),
});
export type SecondStepResponse = z.infer<typeof SecondStepResponse>;

/** A 6-digit code from the authenticator app, or a recovery code such as `abcd-efgh-jkmn-pqrs`. */
export const SecondFactorCodeBody = z.strictObject({
  code: z.string().trim().min(6).max(40),
});

export const EnrolmentResponse = z.object({
  /** Base32, for typing into an app that cannot scan. */
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth:// link as a QR code (SVG data URL). */
  qrDataUrl: z.string(),
});
export type EnrolmentResponse = z.infer<typeof EnrolmentResponse>;

export const EnrolmentConfirmedResponse = z.object({
  /** Shown once; only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
  me: Me,
});
export type EnrolmentConfirmedResponse = z.infer<typeof EnrolmentConfirmedResponse>;

export const SecondFactorStatus = z.object({
  enrolled: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

export const UsersWithSecondFactor = z.object({ userIds: z.array(z.string()) });

export const UserIdParams = z.strictObject({ id: z.uuid() });
