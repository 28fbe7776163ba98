import { z } from 'zod';

/** One of the signed-in user's passkeys, as the account page lists it. */
export const Passkey = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type Passkey = z.infer<typeof Passkey>;

export const PasskeyList = z.object({ passkeys: z.array(Passkey) });
export type PasskeyList = z.infer<typeof PasskeyList>;

/**
 * WebAuthn options for `navigator.credentials.create()` / `.get()` as JSON (the library's
 * PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON); passed to the browser as they are.
 */
export const PasskeyOptions = z.looseObject({ challenge: z.string() });

const b64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]*={0,2}$/);

/** What `navigator.credentials.create()` answered, as JSON; the library checks its contents. */
export const PasskeyRegistrationBody = z.strictObject({
  passkeyName: z.string().trim().min(1).max(60),
  passkey: z.looseObject({
    id: b64url(1400),
    rawId: b64url(1400),
    type: z.literal('public-key'),
    response: z.looseObject({ clientDataJSON: b64url(8000), attestationObject: b64url(60000), transports: z.array(z.string().max(32)).max(10).optional() }),
    clientExtensionResults: z.looseObject({}),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  }),
});

/** What `navigator.credentials.get()` answered, as JSON. */
export const PasskeySignInBody = z.strictObject({
  passkey: z.looseObject({
    id: b64url(1400),
    rawId: b64url(1400),
    type: z.literal('public-key'),
    response: z.looseObject({ clientDataJSON: b64url(8000), authenticatorData: b64url(8000), signature: b64url(2000), userHandle: b64url(1400).optional() }),
    clientExtensionResults: z.looseObject({}),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  }),
});

/** Removing a passkey asks again who is at the keyboard: the password, or a code from the app. */
export const PasskeyRemovalBody = z.strictObject({
  password: z.string().min(1).max(1024).optional(),
  code: z.string().trim().min(6).max(40).optional(),
});

export const PasskeyIdParams = z.strictObject({ id: z.uuid() });
