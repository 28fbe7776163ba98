import { startAuthentication, startRegistration, type PublicKeyCredentialCreationOptionsJSON, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { Passkey, PasskeyList } from '../../../../src/shared/schemas/passkeys.js';
import type { Me } from '../../../../src/shared/schemas/auth.js';
import { http, request } from '../../shared/http.js';

export type { Passkey };

export const fetchPasskeys = () => http.get<PasskeyList>('/api/auth/passkeys');

/** Adds a passkey: the server's options, the browser asks the authenticator (and the user), the answer goes back. */
export async function addPasskey(passkeyName: string): Promise<Passkey> {
  const optionsJSON = await http.post<PublicKeyCredentialCreationOptionsJSON>('/api/auth/passkeys/registration-options');
  const passkey = await startRegistration({ optionsJSON });
  return http.post<Passkey>('/api/auth/passkeys', { passkeyName, passkey });
}

export const removePasskey = ({ id, password }: { id: string; password: string }) =>
  request<void>(`/api/auth/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE', body: { password } });

/** The second step of sign-in with a passkey, on the pending sign-in the password opened. */
export async function signInWithPasskey(): Promise<Me> {
  const optionsJSON = await http.post<PublicKeyCredentialRequestOptionsJSON>('/api/auth/passkey-sign-in/options');
  const passkey = await startAuthentication({ optionsJSON });
  return http.post<Me>('/api/auth/passkey-sign-in', { passkey });
}

/** Whether this browser can use passkeys at all (an old browser, or a page not served securely). */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}
