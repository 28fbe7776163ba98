import { errorMessage } from '../../shared/components/ErrorAlert.js';
import { isApiError } from '../../shared/http.js';

/**
 * What went wrong, in the user's words: the server's message, or the browser's refusal (the user
 * closed the passkey prompt, or the authenticator had no matching passkey) as a sentence of ours.
 */
export function passkeyErrorMessage(err: unknown, t: (key: string) => string): string {
  if (isApiError(err)) return errorMessage(err, t);
  const name = err instanceof Error ? ((err as Error & { cause?: unknown }).cause instanceof Error ? ((err as Error & { cause: Error }).cause.name) : err.name) : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return t('passkeys.cancelled');
  if (name === 'InvalidStateError') return t('passkeys.alreadyOnDevice');
  return t('passkeys.browserFailed');
}
